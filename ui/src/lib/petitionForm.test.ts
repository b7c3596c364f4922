import { describe, expect, it } from 'vitest';
import { emptyPerson, type PersonDraft } from './persons';
import { person, petition } from './petitionFixtures';
import {
  buildCorrection,
  buildNewPetition,
  directSources,
  draftFromPetition,
  draftSnapshot,
  emptyPetitionDraft,
  personProbe,
  personProbeKey,
  petitionProbe,
  pickSuggestedPerson,
  shouldSuggestPerson,
  shouldSuggestPetitions,
  type PetitionDraft,
} from './petitionForm';

function draft(patch: Partial<PetitionDraft> = {}): PetitionDraft {
  return { ...emptyPetitionDraft('05/03/2026', 'post'), kind: 'proposal', content: 'Đèn đường hỏng', ...patch };
}

describe('buildNewPetition', () => {
  it('converts the date and fills every key', () => {
    const r = buildNewPetition(draft({ petitioners: [{ ...emptyPerson(), full_name: 'Trần Thị Mai' }] }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input).toEqual({
      received_on: '2026-03-05',
      source: 'post',
      source_agency: null,
      kind: 'proposal',
      contents: [],
      field_code: null,
      content: 'Đèn đường hỏng',
      anonymous: false,
      petitioners: [{ existing_id: null, full_name: 'Trần Thị Mai', id_kind: null, id_number: null, address: null, phone: null, correct: false }],
      respondent: null,
      handling: { handling: 'none', agency: null, letter_no: null },
      classification: { round: 'first', competence: 'undetermined', eligible: null },
      case_id: null,
      duplicate_of: null,
    });
  });

  it('rejects an impossible date on its field', () => {
    const r = buildNewPetition(draft({ received_on: '31/02/2026' }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.field).toBe('received_on');
      expect(r.error.message).toContain('31/02/2026');
    }
  });

  it('asks for the kind', () => {
    const r = buildNewPetition(draft({ kind: '' }));
    expect(!r.ok && r.error.field).toBe('kind');
  });

  it('sends the transferring agency only for transfers', () => {
    const t = buildNewPetition(draft({ source: 'transfer', source_agency: ' UBND quận ' }));
    expect(t.ok && t.input.source_agency).toBe('UBND quận');
    const p = buildNewPetition(draft({ source: 'online', source_agency: 'UBND quận' }));
    expect(p.ok && p.input.source_agency).toBeNull();
  });

  it('sends no petitioners for an anonymous petition', () => {
    const r = buildNewPetition(draft({ anonymous: true, petitioners: [{ ...emptyPerson(), full_name: 'X' }] }));
    expect(r.ok && r.input.petitioners).toEqual([]);
    expect(r.ok && r.input.anonymous).toBe(true);
  });

  it('sends the ticked contents for a mixed petition only', () => {
    const mixed = buildNewPetition(draft({ kind: 'mixed', contents: ['denunciation', 'proposal'] }));
    expect(mixed.ok && mixed.input.contents).toEqual(['denunciation', 'proposal']);
    // Nothing ticked is sent as it is: the core refuses it on "contents".
    const none = buildNewPetition(draft({ kind: 'mixed', contents: [] }));
    expect(none.ok && none.input.contents).toEqual([]);
    const other = buildNewPetition(draft({ kind: 'complaint', contents: ['denunciation', 'proposal'] }));
    expect(other.ok && other.input.contents).toEqual([]);
  });

  it('leaves out the visit source', () => {
    const sources = [{ code: 'visit' }, { code: 'post' }, { code: 'online' }, { code: 'transfer' }];
    expect(directSources(sources).map((s) => s.code)).toEqual(['post', 'online', 'transfer']);
  });
});

describe('duplicates and corrections', () => {
  it('sends the picked original, and no other handling, for a duplicate', () => {
    const r = buildNewPetition(
      draft({
        duplicate_of: 'pet-0',
        duplicate_label: 'Đơn số 3/2026',
        handling: { handling: 'transfer', agency: 'UBND quận', letter_no: '1' },
        petitioners: [{ ...emptyPerson(), full_name: 'Trần Thị Mai' }],
      }),
    );
    expect(r.ok && r.input.duplicate_of).toBe('pet-0');
    expect(r.ok && r.input.handling).toEqual({ handling: 'none', agency: null, letter_no: null });
  });

  it('fills the form with a saved petition, its petitioners picked', () => {
    const p = petition({
      received_on: '2026-02-02',
      field_code: 'dat_dai',
      respondent: 'UBND phường',
      petitioners: [person({ id: 'a', id_number: '001203004567', address: 'Tổ 5' })],
    });
    const d = draftFromPetition(p);
    expect(d).toMatchObject({
      received_on: '02/02/2026',
      source: 'post',
      kind: 'complaint',
      field_code: 'dat_dai',
      respondent: 'UBND phường',
      case_id: 'case-1',
      duplicate_of: null,
    });
    expect(d.petitioners).toEqual([
      {
        existing_id: 'a',
        full_name: 'Phạm Thị Lan',
        id_kind: 'none',
        id_number: '001203004567',
        address: 'Tổ 5',
        phone: '',
        locked_number: true,
        // The register's particulars of a picked person are read-only (the core only fills blanks).
        locked_address: true,
        locked_phone: false,
      },
    ]);
    expect(draftFromPetition(petition({ anonymous: true, petitioners: [] })).petitioners).toEqual([emptyPerson()]);
  });

  it('pre-fills and sends back the contents of a mixed petition', () => {
    const p = petition({ kind: 'mixed', contents: ['complaint', 'proposal'] });
    const d = draftFromPetition(p);
    expect(d.contents).toEqual(['complaint', 'proposal']);
    const r = buildCorrection(d, p);
    expect(r.ok && r.input.kind).toBe('mixed');
    expect(r.ok && r.input.contents).toEqual(['complaint', 'proposal']);
    // The form's list is its own: ticking does not touch the petition shown on the page.
    d.contents.pop();
    expect(p.contents).toEqual(['complaint', 'proposal']);
  });

  it('corrects what was typed at intake, keeping the lifecycle’s classification and handling', () => {
    const p = petition({
      handling: { handling: 'accept', agency: null, letter_no: null },
      classification: { round: 'first', competence: 'within', eligible: true },
    });
    const d = { ...draftFromPetition(p), content: 'Nội dung sửa lại', received_on: '03/03/2026' };
    const r = buildCorrection(d, p);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input).toMatchObject({
      received_on: '2026-03-03',
      content: 'Nội dung sửa lại',
      handling: { handling: 'accept', agency: null, letter_no: null },
      classification: { round: 'first', competence: 'within', eligible: true },
      case_id: 'case-1',
      duplicate_of: null,
    });
    expect(r.input.petitioners[0].existing_id).toBe('person-1');
    const bad = buildCorrection({ ...d, received_on: 'hôm qua' }, p);
    expect(!bad.ok && bad.error.field).toBe('received_on');
  });

  it('asks the core about duplicates once there is enough content', () => {
    expect(shouldSuggestPetitions(draft({ content: 'Đèn hỏng' }))).toBe(false);
    expect(shouldSuggestPetitions(draft({ content: 'Đèn đường hỏng' }))).toBe(true);
    const d = draft({
      respondent: ' ',
      petitioners: [{ ...emptyPerson(), existing_id: 'a', full_name: 'A' }, { ...emptyPerson(), full_name: 'B' }],
    });
    expect(petitionProbe(d, 'self')).toEqual({
      kind: 'proposal',
      content: 'Đèn đường hỏng',
      respondent: null,
      person_ids: ['a'],
      exclude_id: 'self',
    });
    expect(petitionProbe({ ...d, kind: '', anonymous: true }, null)).toMatchObject({ kind: null, person_ids: [] });
  });

  it('looks up a petitioner from two words of a name, or an ID number', () => {
    const row = (patch: Partial<PersonDraft>) => ({ ...emptyPerson(), ...patch });
    expect(shouldSuggestPerson(row({ full_name: 'Lan' }))).toBe(false);
    expect(shouldSuggestPerson(row({ full_name: 'Phạm Lan' }))).toBe(true);
    expect(shouldSuggestPerson(row({ id_number: '001203004567' }))).toBe(true);
    expect(shouldSuggestPerson(row({ full_name: 'Phạm Lan', existing_id: 'a' }))).toBe(false);
    expect(personProbe(row({ full_name: ' Phạm Lan ', address: 'Tổ 5' }))).toEqual({
      existing_id: null,
      full_name: 'Phạm Lan',
      id_kind: null,
      id_number: null,
      address: 'Tổ 5',
      phone: null,
      correct: false,
    });
    expect(personProbeKey(row({ full_name: 'Phạm Lan ' }))).toBe(personProbeKey(row({ full_name: 'Phạm Lan' })));
  });

  it('picks a suggested person into the row typed, once', () => {
    const typed = [{ ...emptyPerson(), full_name: 'Pham Thi Lan' }, { ...emptyPerson(), full_name: 'Lê Hùng' }];
    const picked = pickSuggestedPerson(typed, 0, person({ id: 'a' }));
    expect(picked.map((p) => p.existing_id)).toEqual(['a', null]);
    expect(picked[0].full_name).toBe('Phạm Thị Lan');
    const again = pickSuggestedPerson(picked, 1, person({ id: 'a' }));
    expect(again.map((p) => p.existing_id)).toEqual(['a']);
  });

  it('tells a draft changed since its snapshot', () => {
    const d = draft();
    const snap = draftSnapshot(d);
    expect(draftSnapshot({ ...d })).toBe(snap);
    expect(draftSnapshot({ ...d, content: 'x' })).not.toBe(snap);
  });
});
