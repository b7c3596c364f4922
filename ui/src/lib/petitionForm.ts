// The "Thêm đơn" form (petitions received directly: post, online, transfer).
import type { NewPetition } from './bindings/NewPetition';
import type { PetitionKind } from './bindings/PetitionKind';
import type { PetitionSource } from './bindings/PetitionSource';
import { parseDate } from './dates';
import { badDateMessage, localError } from './errors';
import { emptyHandling, toHandlingInput, unreviewed, type HandlingDraft } from './handling';
import { emptyPerson, textOrNull, toPersonInputs, type PersonDraft } from './persons';
import type { Built } from './visitForm';

export interface PetitionDraft {
  received_on: string;
  source: PetitionSource;
  source_agency: string;
  kind: PetitionKind | '';
  field_code: string;
  content: string;
  anonymous: boolean;
  petitioners: PersonDraft[];
  respondent: string;
  handling: HandlingDraft;
  case_id: string | null;
  case_summary: string | null;
}

export function emptyPetitionDraft(todayText: string, source: PetitionSource): PetitionDraft {
  return {
    received_on: todayText,
    source,
    source_agency: '',
    kind: '',
    field_code: '',
    content: '',
    anonymous: false,
    petitioners: [emptyPerson()],
    respondent: '',
    handling: emptyHandling(),
    case_id: null,
    case_summary: null,
  };
}

/** Sources a petition can be typed in with here: not "visit" (that one goes with a visit). */
export function directSources<T extends { code: string }>(sources: T[]): T[] {
  return sources.filter((s) => s.code !== 'visit');
}

export function buildNewPetition(d: PetitionDraft): Built<NewPetition> {
  const received_on = parseDate(d.received_on);
  if (received_on === null) {
    return { ok: false, error: localError('received_on', badDateMessage('Ngày nhận đơn', d.received_on)) };
  }
  if (d.kind === '') {
    return { ok: false, error: localError('kind', 'Loại đơn: chưa chọn loại đơn.') };
  }
  const { persons, sentToRow } = d.anonymous ? { persons: [], sentToRow: [] } : toPersonInputs(d.petitioners);
  return {
    ok: true,
    sentToRow,
    input: {
      received_on,
      source: d.source,
      source_agency: d.source === 'transfer' ? textOrNull(d.source_agency) : null,
      kind: d.kind,
      field_code: textOrNull(d.field_code),
      content: d.content.trim(),
      anonymous: d.anonymous,
      petitioners: persons,
      respondent: textOrNull(d.respondent),
      handling: toHandlingInput(d.handling),
      classification: unreviewed(),
      case_id: d.case_id,
      duplicate_of: null,
    },
  };
}
