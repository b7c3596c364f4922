import { describe, expect, it } from 'vitest';
import {
  agencyLabel,
  allowedOptions,
  buildMoveInput,
  classifyDraftOf,
  dropMoveQuestion,
  emptyMoveDraft,
  isPlaced,
  isRequired,
  moveSnapshot,
  noteLabel,
  placedFields,
  refusedOptions,
  requiredLabel,
  shownInputs,
  showsFirstRound,
} from './moves';
import { option, petition } from './petitionFixtures';

const classify = option({
  action: 'classify',
  label: 'Phân loại đơn',
  inputs: ['classification', 'note'],
  required: ['classification'],
  doc_label: null,
  effect: null,
});
const resolve = option({
  action: 'resolve',
  label: 'Giải quyết xong',
  inputs: ['outcome', 'doc_no', 'note'],
  required: ['outcome', 'doc_no'],
  outcomes: [
    { code: 'right', label: 'Khiếu nại đúng' },
    { code: 'partly_right', label: 'Khiếu nại đúng một phần' },
    { code: 'wrong', label: 'Khiếu nại sai' },
  ],
  doc_label: 'Số quyết định giải quyết khiếu nại',
  effect: null,
});

describe('which inputs a move shows', () => {
  it('shows exactly the inputs of the option, in the form’s order', () => {
    expect(shownInputs(resolve)).toEqual(['outcome', 'doc_no', 'note']);
    expect(shownInputs(classify)).toEqual(['classification', 'note']);
    const transfer = option({ action: 'transfer', inputs: ['note', 'doc_no', 'agency'] });
    expect(shownInputs(transfer)).toEqual(['agency', 'doc_no', 'note']);
    expect(shownInputs(option({ inputs: [] }))).toEqual([]);
  });

  it('marks the required ones', () => {
    expect(isRequired(resolve, 'doc_no')).toBe(true);
    expect(isRequired(resolve, 'note')).toBe(false);
    expect(requiredLabel('Số quyết định', true)).toBe('Số quyết định *');
    expect(requiredLabel('Ghi chú', false)).toBe('Ghi chú');
  });

  it('names the agency and the note by move', () => {
    expect(agencyLabel('transfer')).toBe('Cơ quan nhận đơn chuyển');
    expect(agencyLabel('urge')).toBe('Cơ quan được đôn đốc');
    expect(noteLabel('decline')).toBe('Lý do không thụ lý');
    expect(noteLabel('accept')).toBe('Ghi chú');
    expect(noteLabel('extend_check')).toBe('Lý do kéo dài (xác minh nhiều nơi, ủy quyền xác minh)');
    expect(noteLabel('withdraw_part')).toBe('Nội dung đã rút (phần còn lại tiếp tục được giải quyết)');
    expect(noteLabel('withdraw')).toBe('Ghi chú');
  });

  it('asks for the first-round petition only for a second-round complaint', () => {
    const c = classifyDraftOf(petition());
    expect(showsFirstRound(c)).toBe(false);
    expect(showsFirstRound({ ...c, round: 'subsequent' })).toBe(true);
    expect(showsFirstRound({ ...c, kind: 'denunciation', round: 'subsequent' })).toBe(false);
  });

  it('keeps only the allowed moves as buttons, the refused ones with their reason', () => {
    const refused = option({ action: 'decline', allowed: false, reason: 'Chưa phân loại' });
    const silent = option({ action: 'file', allowed: false, reason: null });
    expect(allowedOptions([classify, refused, silent]).map((o) => o.action)).toEqual(['classify']);
    expect(refusedOptions([classify, refused, silent]).map((o) => o.action)).toEqual(['decline']);
  });
});

describe('emptyMoveDraft', () => {
  it('dates the move today and starts from the classification recorded', () => {
    const p = petition({
      kind: 'denunciation',
      field_code: 'dat_dai',
      classification: { round: 'subsequent', competence: 'within', eligible: false },
      signers: 'many',
      complex: true,
    });
    const d = emptyMoveDraft(classify, p, '02/03/2026');
    expect(d.on_date).toBe('02/03/2026');
    expect(d.classification).toEqual({
      kind: 'denunciation',
      contents: [],
      field_code: 'dat_dai',
      eligible: 'no',
      competence: 'within',
      signers: 'many',
      round: 'subsequent',
      first_round_id: '',
      complex: true,
    });
  });

  it('starts from the contents recorded with a mixed petition', () => {
    const p = petition({ kind: 'mixed', contents: ['complaint', 'denunciation'] });
    const d = emptyMoveDraft(classify, p, '02/03/2026');
    expect(d.classification.kind).toBe('mixed');
    expect(d.classification.contents).toEqual(['complaint', 'denunciation']);
    d.classification.contents.push('proposal');
    expect(p.contents).toEqual(['complaint', 'denunciation']);
  });

  it('leaves eligibility and competence unchosen while not reviewed', () => {
    const d = emptyMoveDraft(classify, petition(), '02/03/2026');
    expect(d.classification.eligible).toBe('');
    expect(d.classification.competence).toBe('');
  });

  it('an anonymous petition is signed anonymously', () => {
    const d = emptyMoveDraft(classify, petition({ anonymous: true, signers: 'one' }), '02/03/2026');
    expect(d.classification.signers).toBe('anonymous');
  });

  it('picks the only outcome there is, and the agency already urged', () => {
    const answer = option({ action: 'resolve', outcomes: [{ code: 'answered', label: 'Đã trả lời' }] });
    expect(emptyMoveDraft(answer, petition(), '02/03/2026').outcome).toBe('answered');
    expect(emptyMoveDraft(resolve, petition(), '02/03/2026').outcome).toBe('');
    const urge = option({ action: 'urge', inputs: ['agency', 'doc_no', 'note'] });
    const transferred = petition({ handling: { handling: 'transfer', agency: 'UBND quận', letter_no: null } });
    expect(emptyMoveDraft(urge, transferred, '02/03/2026').agency).toBe('UBND quận');
  });
});

describe('buildMoveInput', () => {
  const p = petition();

  it('sends the classification with yes/no and the date in ISO', () => {
    const d = emptyMoveDraft(classify, p, '02/03/2026');
    d.classification.eligible = 'yes';
    d.classification.competence = 'within';
    d.classification.field_code = 'dat_dai';
    d.note = '  ';
    d.doc_no = 'ignored';
    const r = buildMoveInput(d, classify, p.id);
    expect(r).toEqual({
      ok: true,
      input: {
        petition_id: 'pet-1',
        action: 'classify',
        on_date: '2026-03-02',
        note: null,
        doc_no: null,
        agency: null,
        outcome: null,
        extension_days: null,
        duplicate_of: null,
        classification: {
          kind: 'complaint',
          contents: [],
          field_code: 'dat_dai',
          eligible: true,
          competence: 'within',
          signers: 'one',
          round: 'first',
          first_round_id: null,
          complex: false,
        },
      },
    });
  });

  it('sends the first-round petition of a second-round complaint only', () => {
    const d = emptyMoveDraft(classify, p, '02/03/2026');
    d.classification = { ...d.classification, eligible: 'yes', competence: 'within', first_round_id: 'old' };
    const first = buildMoveInput(d, classify, p.id);
    expect(first.ok && first.input.classification?.first_round_id).toBeNull();
    d.classification.round = 'subsequent';
    const second = buildMoveInput(d, classify, p.id);
    expect(second.ok && second.input.classification?.first_round_id).toBe('old');
  });

  it('sends the contents ticked when classified as mixed, and none for another kind', () => {
    const d = emptyMoveDraft(classify, p, '02/03/2026');
    d.classification = { ...d.classification, eligible: 'yes', competence: 'within' };
    d.classification.kind = 'mixed';
    d.classification.contents = ['proposal'];
    const one = buildMoveInput(d, classify, p.id);
    // One is sent as ticked: the core refuses it on classification.contents.
    expect(one.ok && one.input.classification?.contents).toEqual(['proposal']);
    d.classification.contents = ['complaint', 'proposal'];
    const two = buildMoveInput(d, classify, p.id);
    expect(two.ok && two.input.classification?.contents).toEqual(['complaint', 'proposal']);
    d.classification.kind = 'proposal';
    const other = buildMoveInput(d, classify, p.id);
    expect(other.ok && other.input.classification?.contents).toEqual([]);
  });

  it('asks for eligibility and competence on their fields', () => {
    const d = emptyMoveDraft(classify, p, '02/03/2026');
    const r = buildMoveInput(d, classify, p.id);
    expect(!r.ok && r.error.field).toBe('classification.eligible');
    d.classification.eligible = 'no';
    const r2 = buildMoveInput(d, classify, p.id);
    expect(!r2.ok && r2.error.field).toBe('classification.competence');
  });

  it('sends a resolution without a decision number, so the core says what is missing', () => {
    const d = emptyMoveDraft(resolve, p, '02/03/2026');
    d.outcome = 'partly_right';
    const r = buildMoveInput(d, resolve, p.id);
    expect(r.ok && r.input).toMatchObject({ action: 'resolve', outcome: 'partly_right', doc_no: null, classification: null });
    d.doc_no = ' 12/QĐ-UBND ';
    const r2 = buildMoveInput(d, resolve, p.id);
    expect(r2.ok && r2.input.doc_no).toBe('12/QĐ-UBND');
  });

  it('refuses a date it cannot read, on the date field', () => {
    const d = emptyMoveDraft(resolve, p, '31/02/2026');
    const r = buildMoveInput(d, resolve, p.id);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.field).toBe('on_date');
      expect(r.error.message).toContain('31/02/2026');
    }
  });

  it('reads the days of an extension', () => {
    const extend = option({
      action: 'extend',
      inputs: ['extension_days', 'doc_no', 'note'],
      required: ['extension_days'],
    });
    const d = emptyMoveDraft(extend, p, '02/03/2026');
    const none = buildMoveInput(d, extend, p.id);
    expect(!none.ok && none.error.field).toBe('extension_days');
    d.extension_days = 'ba mươi';
    const bad = buildMoveInput(d, extend, p.id);
    expect(!bad.ok && bad.error.message).toContain('ba mươi');
    d.extension_days = ' 30 ';
    const ok = buildMoveInput(d, extend, p.id);
    expect(ok.ok && ok.input.extension_days).toBe(30);
    const optional = option({ action: 'extend', inputs: ['extension_days'], required: [] });
    const blank = buildMoveInput(emptyMoveDraft(optional, p, '02/03/2026'), optional, p.id);
    expect(blank.ok && blank.input.extension_days).toBeNull();
  });

  it('sends the agency and the duplicate only when the move takes them', () => {
    const dup = option({ action: 'duplicate', inputs: ['duplicate_of', 'note'], required: ['duplicate_of'] });
    const d = emptyMoveDraft(dup, p, '02/03/2026');
    d.duplicate_of = 'pet-0';
    d.agency = 'UBND quận';
    const r = buildMoveInput(d, dup, p.id);
    expect(r.ok && r.input.duplicate_of).toBe('pet-0');
    expect(r.ok && r.input.agency).toBeNull();
  });
});

describe('where a refusal shows', () => {
  it('next to an input the form shows, else at the top', () => {
    expect(placedFields(resolve)).toEqual(['on_date', 'action', 'outcome', 'doc_no', 'note']);
    const e = (field: string | null) => ({ code: 'invalid_input', field, message: 'x' });
    expect(isPlaced(e('doc_no'), resolve)).toBe(true);
    expect(isPlaced(e('agency'), resolve)).toBe(false);
    expect(isPlaced(e(null), resolve)).toBe(false);
    expect(isPlaced(e('classification.eligible'), classify)).toBe(true);
    expect(isPlaced(e('classification.contents'), classify)).toBe(true);
    expect(isPlaced(e('classification'), classify)).toBe(false);
    expect(isPlaced(null, classify)).toBe(false);
  });
});

describe('a move form with typed work', () => {
  it('is unsaved once anything differs from how it opened', () => {
    const d = emptyMoveDraft(resolve, petition(), '10/03/2026');
    const start = moveSnapshot(d);
    expect(moveSnapshot({ ...d })).toBe(start);
    expect(moveSnapshot({ ...d, outcome: 'partly_right' })).not.toBe(start);
    expect(moveSnapshot({ ...d, doc_no: '15/QĐ-UBND' })).not.toBe(start);
    expect(moveSnapshot({ ...d, on_date: '11/03/2026' })).not.toBe(start);
    expect(moveSnapshot({ ...d, classification: { ...d.classification, complex: !d.classification.complex } })).not.toBe(start);
  });
  it('asks before dropping it, naming the move', () => {
    expect(dropMoveQuestion('Phân loại đơn')).toBe(
      'Bỏ bước “Phân loại đơn” đang nhập? Những gì đã nhập cho bước này chưa được ghi.',
    );
  });
  it('offers no outcome until the officer picks one (radios, with the core’s labels)', () => {
    expect(emptyMoveDraft(resolve, petition(), '10/03/2026').outcome).toBe('');
  });
});
