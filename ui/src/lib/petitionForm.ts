// The "Thêm đơn" form (petitions received directly: post, online, transfer), and the
// same form correcting a saved petition ("Sửa đơn"); the likely duplicates and persons
// it asks the core about while the officer types.
import type { NewPetition } from './bindings/NewPetition';
import type { Person } from './bindings/Person';
import type { PersonInput } from './bindings/PersonInput';
import type { Petition } from './bindings/Petition';
import type { PetitionKind } from './bindings/PetitionKind';
import type { PetitionProbe } from './bindings/PetitionProbe';
import type { PetitionSource } from './bindings/PetitionSource';
import { contentsToSend } from './contents';
import { formatDate, parseDate } from './dates';
import { badDateMessage, localError } from './errors';
import { emptyHandling, toHandlingInput, unreviewed, type HandlingDraft } from './handling';
import { emptyPerson, personFromMatch, textOrNull, toPersonInput, toPersonInputs, type PersonDraft } from './persons';
import type { Built } from './visitForm';

export interface PetitionDraft {
  received_on: string;
  source: PetitionSource;
  source_agency: string;
  kind: PetitionKind | '';
  /** For a petition of several kinds of content: the kinds it carries (ticked). */
  contents: PetitionKind[];
  field_code: string;
  content: string;
  anonymous: boolean;
  petitioners: PersonDraft[];
  respondent: string;
  handling: HandlingDraft;
  case_id: string | null;
  case_summary: string | null;
  /** Đơn trùng: the open petition this one repeats, picked from the suggestions. */
  duplicate_of: string | null;
  /** How the picked original is shown ("đơn số 3/2026 …"). */
  duplicate_label: string | null;
}

export function emptyPetitionDraft(todayText: string, source: PetitionSource): PetitionDraft {
  return {
    received_on: todayText,
    source,
    source_agency: '',
    kind: '',
    contents: [],
    field_code: '',
    content: '',
    anonymous: false,
    petitioners: [emptyPerson()],
    respondent: '',
    handling: emptyHandling(),
    case_id: null,
    case_summary: null,
    duplicate_of: null,
    duplicate_label: null,
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
      contents: contentsToSend(d.kind, d.contents),
      field_code: textOrNull(d.field_code),
      content: d.content.trim(),
      anonymous: d.anonymous,
      petitioners: persons,
      respondent: textOrNull(d.respondent),
      // A duplicate is filed as such: no other handling is recorded at intake.
      handling: d.duplicate_of ? toHandlingInput(emptyHandling()) : toHandlingInput(d.handling),
      classification: unreviewed(),
      case_id: d.case_id,
      duplicate_of: d.duplicate_of,
    },
  };
}

/** A saved person, as a row of the form (picked: the name and number are not edited). */
export function personDraftOf(p: Person): PersonDraft {
  return personFromMatch({ person: p, cases: [] });
}

/** The form filled with a saved petition, for "Sửa đơn". */
export function draftFromPetition(p: Petition): PetitionDraft {
  return {
    received_on: formatDate(p.received_on),
    source: p.source,
    source_agency: p.source_agency ?? '',
    kind: p.kind,
    contents: [...p.contents],
    field_code: p.field_code ?? '',
    content: p.content,
    anonymous: p.anonymous,
    petitioners: p.petitioners.length > 0 ? p.petitioners.map(personDraftOf) : [emptyPerson()],
    respondent: p.respondent ?? '',
    handling: emptyHandling(),
    case_id: p.case_id,
    case_summary: null,
    duplicate_of: null,
    duplicate_label: null,
  };
}

/**
 * The correction of a saved petition: what was recorded at intake, as typed. The
 * classification, handling and duplicate are the lifecycle's (moves on the petition
 * page): they are sent as they stand.
 */
export function buildCorrection(d: PetitionDraft, p: Petition): Built<NewPetition> {
  const built = buildNewPetition(d);
  if (!built.ok) return built;
  return {
    ...built,
    input: {
      ...built.input,
      handling: p.handling,
      classification: p.classification,
      case_id: p.case_id,
      duplicate_of: null,
    },
  };
}

const wordCount = (s: string) => s.trim().split(/\s+/).filter((w) => w !== '').length;

/** Enough content to compare with the register (the core needs three words). */
export function shouldSuggestPetitions(d: PetitionDraft): boolean {
  return wordCount(d.content) >= 3;
}

/** What the core compares to find a petition this one may repeat. */
export function petitionProbe(d: PetitionDraft, excludeId: string | null): PetitionProbe {
  return {
    kind: d.kind === '' ? null : d.kind,
    content: d.content.trim(),
    respondent: textOrNull(d.respondent),
    person_ids: d.anonymous ? [] : d.petitioners.flatMap((p) => (p.existing_id ? [p.existing_id] : [])),
    exclude_id: excludeId,
  };
}

/** A new petitioner worth looking up: a name of two words or more, or an ID number. */
export function shouldSuggestPerson(p: PersonDraft): boolean {
  if (p.existing_id !== null) return false;
  return wordCount(p.full_name) >= 2 || p.id_number.trim() !== '';
}

/** What the core is asked about a petitioner being typed. */
export function personProbe(p: PersonDraft): PersonInput {
  return toPersonInput(p);
}

/** The key that changes when a row's lookup must be asked again. */
export function personProbeKey(p: PersonDraft): string {
  return [p.full_name.trim(), p.id_number.trim(), p.address.trim()].join('|');
}

/**
 * "Chọn người này": row `row` becomes the existing person. A person already picked in
 * another row is not listed twice (the row is dropped instead).
 */
export function pickSuggestedPerson(persons: PersonDraft[], row: number, person: Person): PersonDraft[] {
  if (persons.some((p, i) => i !== row && p.existing_id === person.id)) {
    const rest = persons.filter((_, i) => i !== row);
    return rest.length === 0 ? [personDraftOf(person)] : rest;
  }
  return persons.map((p, i) => (i === row ? personDraftOf(person) : p));
}

/** A snapshot of the draft, to tell whether anything was typed since (the close guard asks). */
export function draftSnapshot(d: PetitionDraft): string {
  return JSON.stringify(d);
}

/** How long the officer's typing must pause before the core is asked for likely matches. */
export const SUGGEST_DELAY_MS = 300;
