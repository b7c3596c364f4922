import { describe, expect, it } from 'vitest';
import { emptyPerson } from './persons';
import { buildNewPetition, directSources, emptyPetitionDraft, type PetitionDraft } from './petitionForm';

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
      field_code: null,
      content: 'Đèn đường hỏng',
      anonymous: false,
      petitioners: [{ existing_id: null, full_name: 'Trần Thị Mai', id_kind: null, id_number: null, address: null, phone: null }],
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

  it('leaves out the visit source', () => {
    const sources = [{ code: 'visit' }, { code: 'post' }, { code: 'online' }, { code: 'transfer' }];
    expect(directSources(sources).map((s) => s.code)).toEqual(['post', 'online', 'transfer']);
  });
});
