import { describe, expect, it } from 'vitest';
import { emptyPerson } from './persons';
import {
  acceptNeedsPetition,
  buildNewVisit,
  defaultHeadcount,
  delegationNote,
  emptyVisitDraft,
  isDirty,
  missingClassification,
  missingClassificationAction,
  parseCount,
  prefillFromCase,
  raisedHeadcount,
  shownHeadcount,
  shownPetitionContent,
  shownPetitionKind,
  type VisitDraft,
  unsavedVisitText,
  visitDraftLabel,
  visitToDraft,
  savedVisitMessage,
} from './visitForm';
import type { Petition } from './bindings/Petition';
import type { Visit } from './bindings/Visit';

const named = (full_name: string) => ({ ...emptyPerson(), full_name });

function draft(patch: Partial<VisitDraft> = {}): VisitDraft {
  return { ...emptyVisitDraft(), ...patch };
}

describe('headcount default', () => {
  it('is the named persons, at least 1', () => {
    expect(defaultHeadcount([emptyPerson()])).toBe(1);
    expect(defaultHeadcount([named('A'), named('B'), emptyPerson()])).toBe(2);
    expect(defaultHeadcount([named('A'), named('B'), named('C')])).toBe(3);
  });
  it('follows the persons until the officer edits it', () => {
    const d = draft({ persons: [named('A'), named('B')] });
    expect(shownHeadcount(d)).toBe('2');
    expect(shownHeadcount({ ...d, headcount: '7', headcountEdited: true })).toBe('7');
    expect(shownHeadcount({ ...d, headcount: '7', headcountEdited: false })).toBe('2');
  });
});

describe('petition defaults', () => {
  it('follow the visit until edited', () => {
    const d = draft({ kind: 'complaint', content: 'Tranh chấp ranh giới đất' });
    expect(shownPetitionKind(d)).toBe('complaint');
    expect(shownPetitionContent(d)).toBe('Tranh chấp ranh giới đất');
    expect(shownPetitionKind({ ...d, petition_kind: 'mixed', petition_kind_edited: true })).toBe('mixed');
    expect(shownPetitionContent({ ...d, petition_content: '', petition_content_edited: true })).toBe('');
  });
});

describe('delegation (đoàn đông người)', () => {
  it('is said beside the headcount from 5 people on (01/TCD note)', () => {
    expect(delegationNote('5')).toBe('Đoàn đông người (từ 5 người trở lên)');
    expect(delegationNote(' 6 ')).toBe('Đoàn đông người (từ 5 người trở lên)');
    expect(delegationNote('300')).toBe('Đoàn đông người (từ 5 người trở lên)');
  });
  it('says nothing below 5 or for a headcount it cannot read', () => {
    expect(delegationNote('4')).toBe('');
    expect(delegationNote('1')).toBe('');
    expect(delegationNote('0')).toBe('');
    expect(delegationNote('')).toBe('');
    expect(delegationNote('5.5')).toBe('');
    expect(delegationNote('abc')).toBe('');
  });
  it('follows the headcount shown, typed or from the named persons', () => {
    const five = [named('A'), named('B'), named('C'), named('D'), named('E')];
    expect(delegationNote(shownHeadcount(draft({ persons: five })))).not.toBe('');
    expect(delegationNote(shownHeadcount(draft({ persons: five, headcount: '3', headcountEdited: true })))).toBe('');
  });
  it('is never sent: the core derives it', () => {
    const r = buildNewVisit(draft({ headcount: '12', headcountEdited: true, content: 'x' }), 's', 'officer');
    expect(r.ok && r.input.headcount).toBe(12);
    expect(r.ok && Object.keys(r.input)).not.toContain('delegation');
  });
});

describe('parseCount', () => {
  it('reads whole numbers only', () => {
    expect(parseCount(' 12 ')).toBe(12);
    expect(parseCount('0')).toBe(0);
    expect(parseCount('1.5')).toBeNull();
    expect(parseCount('-1')).toBeNull();
    expect(parseCount('')).toBeNull();
  });
});

describe('buildNewVisit', () => {
  it('builds the payload with nulls, never omitted keys', () => {
    const r = buildNewVisit(draft({ persons: [named(' Lê Văn Tám ')], content: ' Hỏi về cấp sổ đỏ ' }), 's-1', 'officer');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input).toEqual({
      session_id: 's-1',
      persons: [{ existing_id: null, full_name: 'Lê Văn Tám', id_kind: null, id_number: null, address: null, phone: null, correct: false }],
      headcount: 1,
      content: 'Hỏi về cấp sổ đỏ',
      kind: null,
      field_code: null,
      handling: { handling: 'none', agency: null, letter_no: null },
      case_id: null,
      chairman_joined: false,
      petition: null,
      prior_agencies: null,
    });
    expect(JSON.stringify(r.input)).not.toContain('delegation');
  });

  it('sends the bodies that handled the matter before, trimmed', () => {
    const r = buildNewVisit(draft({ content: 'x', prior_agencies: '  Phòng Tư pháp quận 1 ' }), 's', 'officer');
    expect(r.ok && r.input.prior_agencies).toBe('Phòng Tư pháp quận 1');
  });

  it('uses the edited headcount', () => {
    const r = buildNewVisit(draft({ persons: [named('A')], headcount: '12', headcountEdited: true, content: 'x' }), 's', 'officer');
    expect(r.ok && r.input.headcount).toBe(12);
  });

  it('reports an unreadable headcount on its field', () => {
    const r = buildNewVisit(draft({ headcount: '2,5', headcountEdited: true }), 's', 'officer');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.field).toBe('headcount');
  });

  it('sends chairman_joined only for an officer session', () => {
    const d = draft({ chairman_joined: true, content: 'x' });
    expect(buildNewVisit(d, 's', 'officer').ok && buildNewVisit(d, 's', 'officer')).toMatchObject({
      input: { chairman_joined: true },
    });
    const r = buildNewVisit(d, 's', 'chairman');
    expect(r.ok && r.input.chairman_joined).toBe(false);
  });

  it('attaches the petition with the visit defaults', () => {
    const r = buildNewVisit(
      draft({
        content: 'Tố cáo xây dựng trái phép',
        kind: 'denunciation',
        field_code: 'xay_dung',
        handling: { handling: 'transfer', agency: 'Đội quản lý trật tự đô thị', letter_no: '15/CV' },
        has_petition: true,
        respondent: ' Ông B ',
        case_id: 'c-9',
      }),
      's',
      'officer',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input.case_id).toBe('c-9');
    expect(r.input.handling).toEqual({ handling: 'transfer', agency: 'Đội quản lý trật tự đô thị', letter_no: '15/CV' });
    expect(r.input.petition).toEqual({
      kind: 'denunciation',
      contents: [],
      field_code: 'xay_dung',
      content: 'Tố cáo xây dựng trái phép',
      respondent: 'Ông B',
      handling: { handling: 'transfer', agency: 'Đội quản lý trật tự đô thị', letter_no: '15/CV' },
      classification: { round: 'first', competence: 'undetermined', eligible: null },
      duplicate_of: null,
    });
  });

  it('sends the ticked contents with a mixed petition, and none for another kind', () => {
    const mixed = draft({
      content: 'Khiếu nại việc thu hồi đất và kiến nghị sửa đường',
      has_petition: true,
      petition_kind: 'mixed',
      petition_kind_edited: true,
      petition_contents: ['proposal', 'complaint'],
    });
    const r = buildNewVisit(mixed, 's', 'officer');
    expect(r.ok && r.input.petition?.kind).toBe('mixed');
    expect(r.ok && r.input.petition?.contents).toEqual(['proposal', 'complaint']);
    // One ticked is sent as it is: the core says two are needed, next to the boxes.
    const one = buildNewVisit({ ...mixed, petition_contents: ['complaint'] }, 's', 'officer');
    expect(one.ok && one.input.petition?.contents).toEqual(['complaint']);
    // Ticked, then the kind changed: nothing of it is sent.
    const other = buildNewVisit({ ...mixed, petition_kind: 'complaint' }, 's', 'officer');
    expect(other.ok && other.input.petition?.contents).toEqual([]);
  });

  it('takes a mixed kind from the visit until the petition kind is chosen', () => {
    const d = draft({ kind: 'mixed', content: 'x', has_petition: true, petition_contents: ['complaint', 'denunciation'] });
    expect(shownPetitionKind(d)).toBe('mixed');
    const r = buildNewVisit(d, 's', 'officer');
    expect(r.ok && r.input.petition?.contents).toEqual(['complaint', 'denunciation']);
  });

  it('asks for the petition kind when nothing gives it', () => {
    const r = buildNewVisit(draft({ content: 'x', has_petition: true }), 's', 'officer');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.field).toBe('petition.kind');
  });

  it('maps sent persons to their rows', () => {
    const r = buildNewVisit(draft({ persons: [emptyPerson(), named('B')], content: 'x' }), 's', 'officer');
    expect(r.ok && r.sentToRow).toEqual([1]);
  });
});

describe('a saved visit corrected in the same form', () => {
  const person = {
    id: 'p-1',
    full_name: 'Nguyễn Văn Đức',
    id_kind: 'can_cuoc' as const,
    id_number: '001090001234',
    address: 'Tổ 5',
    phone: null,
    merged_into: null,
  };
  const visit: Visit = {
    id: 'v-1',
    session_id: 's-1',
    seq: 3,
    headcount: 1,
    delegation: false,
    content: 'Hỏi thủ tục đăng ký thường trú',
    kind: 'proposal',
    field_code: 'tthc',
    handling: { handling: 'guide', agency: 'Công an phường', letter_no: null },
    case_id: 'c-1',
    chairman_joined: false,
    persons: [person],
    petition_number: null,
    petition_id: null,
    petition_state: null,
    prior_agencies: 'UBND phường Bến Thành',
  };

  it('fills the form and sends the same visit back when nothing is changed', () => {
    const d = visitToDraft(visit, null);
    expect(d.persons[0].full_name).toBe('Nguyễn Văn Đức');
    expect(d.persons[0].existing_id).toBe('p-1');
    expect(d.headcountEdited).toBe(false);
    const built = buildNewVisit(d, 's-1', 'officer');
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.input).toEqual({
      session_id: 's-1',
      persons: [
        {
          existing_id: 'p-1',
          full_name: 'Nguyễn Văn Đức',
          id_kind: 'can_cuoc',
          id_number: '001090001234',
          address: 'Tổ 5',
          phone: null,
          correct: false,
        },
      ],
      headcount: 1,
      content: 'Hỏi thủ tục đăng ký thường trú',
      kind: 'proposal',
      field_code: 'tthc',
      handling: { handling: 'guide', agency: 'Công an phường', letter_no: null },
      // The visit keeps its case.
      case_id: null,
      chairman_joined: false,
      petition: null,
      prior_agencies: 'UBND phường Bến Thành',
    });
  });

  it('keeps a headcount typed by hand, and says a delegation from it', () => {
    const d = visitToDraft({ ...visit, headcount: 7, delegation: true }, null);
    expect(d.headcountEdited).toBe(true);
    expect(shownHeadcount(d)).toBe('7');
    expect(delegationNote(shownHeadcount(d))).toBe('Đoàn đông người (từ 5 người trở lên)');
  });

  it('carries the petition handed in, its kind and content corrected here', () => {
    const petition = { kind: 'complaint', contents: [], content: 'Đơn khiếu nại việc cấp sổ', respondent: 'UBND phường' } as unknown as Petition;
    const d = visitToDraft({ ...visit, petition_number: '4/2026' }, petition);
    expect(d.has_petition).toBe(true);
    expect(shownPetitionKind(d)).toBe('complaint');
    expect(shownPetitionContent(d)).toBe('Đơn khiếu nại việc cấp sổ');
    const built = buildNewVisit(d, 's-1', 'officer');
    expect(built.ok && built.input.petition?.respondent).toBe('UBND phường');
  });

  it('pre-fills the contents of a mixed petition handed in', () => {
    const petition = {
      kind: 'mixed',
      contents: ['complaint', 'proposal'],
      content: 'Khiếu nại và kiến nghị',
      respondent: null,
    } as unknown as Petition;
    const d = visitToDraft({ ...visit, kind: 'mixed', petition_number: '5/2026 (phường Tân Lập)' }, petition);
    expect(d.petition_contents).toEqual(['complaint', 'proposal']);
    expect(shownPetitionKind(d)).toBe('mixed');
    const built = buildNewVisit(d, 's-1', 'officer');
    expect(built.ok && built.input.petition?.contents).toEqual(['complaint', 'proposal']);
    expect(isDirty(d, visitToDraft({ ...visit, kind: 'mixed', petition_number: '5/2026' }, petition))).toBe(false);
  });

  it('is dirty once anything differs from where it started', () => {
    const start = visitToDraft(visit, null);
    const d = visitToDraft(visit, null);
    expect(isDirty(d, start)).toBe(false);
    d.content += '.';
    expect(isDirty(d, start)).toBe(true);
    expect(isDirty(emptyVisitDraft(), emptyVisitDraft())).toBe(false);
    expect(isDirty({ ...emptyVisitDraft(), persons: [named('A')] }, emptyVisitDraft())).toBe(true);
  });
});

describe('saving without kind or field', () => {
  it('asks what is missing, and nothing when both are chosen', () => {
    expect(missingClassification(draft())).toBe('Chưa chọn phân loại / lĩnh vực. Vẫn lưu?');
    expect(missingClassification(draft({ kind: 'proposal' }))).toBe('Chưa chọn lĩnh vực. Vẫn lưu?');
    expect(missingClassification(draft({ field_code: 'tthc' }))).toBe('Chưa chọn phân loại. Vẫn lưu?');
    expect(missingClassification(draft({ kind: 'proposal', field_code: 'tthc' }))).toBeNull();
  });

  it('offers to go to what is missing, named as it is', () => {
    expect(missingClassificationAction(draft())).toBe('Chọn phân loại');
    expect(missingClassificationAction(draft({ field_code: 'tthc' }))).toBe('Chọn phân loại');
    expect(missingClassificationAction(draft({ kind: 'proposal' }))).toBe('Chọn lĩnh vực');
  });
});

describe('an earlier case picked', () => {
  it('fills kind and field only where the officer chose nothing', () => {
    const known = { kind: 'complaint' as const, field_code: 'dat_dai' };
    expect(prefillFromCase(draft(), known)).toEqual({ kind: 'complaint', field_code: 'dat_dai' });
    expect(prefillFromCase(draft({ kind: 'proposal' }), known)).toEqual({ kind: 'proposal', field_code: 'dat_dai' });
    expect(prefillFromCase(draft(), { kind: null, field_code: null })).toEqual({ kind: '', field_code: '' });
  });
});

describe('"Thụ lý" at the desk', () => {
  const accept = { handling: 'accept' as const, agency: '', letter_no: '' };
  it('says before saving that it needs the petition ticked', () => {
    const note = acceptNeedsPetition(draft({ handling: accept }));
    expect(note).toMatch(/^Thụ lý cần có đơn/);
    expect(note).toMatch(/Có đơn kèm theo/);
  });
  it('says nothing once the petition is ticked, or for another handling', () => {
    expect(acceptNeedsPetition(draft({ handling: accept, has_petition: true }))).toBeNull();
    expect(acceptNeedsPetition(draft({ handling: { ...accept, handling: 'guide' } }))).toBeNull();
    expect(acceptNeedsPetition(draft())).toBeNull();
  });
});

describe('naming a half-typed visit', () => {
  it('by its persons, else its content', () => {
    expect(visitDraftLabel(draft({ persons: [named('Đỗ Thị Hoa'), named('  '), named('Lê Văn An')] }))).toBe(
      'Đỗ Thị Hoa, Lê Văn An',
    );
    expect(visitDraftLabel(draft({ content: 'Đề nghị xem xét cấp lại sổ hộ nghèo vì nhà bị cháy năm ngoái' }))).toBe(
      'Đề nghị xem xét cấp lại sổ hộ nghèo vì…',
    );
    expect(unsavedVisitText(draft({ persons: [named('Đỗ Thị Hoa')] }))).toBe('lượt tiếp đang nhập (Đỗ Thị Hoa)');
    expect(unsavedVisitText(draft({ headcount: '3', headcountEdited: true }))).toBe('lượt tiếp đang nhập');
  });
});

describe('raisedHeadcount', () => {
  it('raises a typed headcount below the persons named, and only that', () => {
    const two = [named('A'), named('B')];
    expect(raisedHeadcount(draft({ persons: two, headcount: '1', headcountEdited: true }))).toBe('2');
    expect(raisedHeadcount(draft({ persons: two, headcount: '6', headcountEdited: true }))).toBeNull();
    expect(raisedHeadcount(draft({ persons: two, headcount: '2', headcountEdited: true }))).toBeNull();
    // Not typed: it follows the persons named already.
    expect(raisedHeadcount(draft({ persons: two, headcount: '1', headcountEdited: false }))).toBeNull();
    // Not a number: left for the core to name the field.
    expect(raisedHeadcount(draft({ persons: two, headcount: 'hai', headcountEdited: true }))).toBeNull();
    expect(raisedHeadcount(draft({ persons: two, headcount: '', headcountEdited: true }))).toBeNull();
  });
});

describe('the message of a saved visit', () => {
  it('names the petition handed in with it, whose number goes on the paper', () => {
    expect(savedVisitMessage({ seq: 5, petition_number: '117/2026' })).toBe('Đã lưu lượt tiếp thứ 5; đơn số 117/2026');
    expect(savedVisitMessage({ seq: 3, petition_number: null })).toBe('Đã lưu lượt tiếp thứ 3');
  });
});
