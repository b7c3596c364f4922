// The repeatable person group of the visit and petition forms, as typed at the desk.
import type { IdKind } from './bindings/IdKind';
import type { Person } from './bindings/Person';
import type { PersonInput } from './bindings/PersonInput';
import type { PersonMatch } from './bindings/PersonMatch';

export interface PersonDraft {
  /** Set when the person was picked from the lookup (already in the register). */
  existing_id: string | null;
  full_name: string;
  /** '' = let the core recognise the document from the number. */
  id_kind: IdKind | '';
  id_number: string;
  address: string;
  phone: string;
  /** The picked person's identity number is on record: it is shown, not edited. */
  locked_number: boolean;
  /**
   * The picked person's address / phone are on record: shown, not edited (the core only
   * fills a picked person's blanks; particulars are corrected on the person's page).
   */
  locked_address?: boolean;
  locked_phone?: boolean;
  /**
   * Set when a saved visit is being corrected: the person's particulars as stored. The
   * row is then editable, and what differs from this is a correction of the person.
   */
  original?: PersonInput | null;
}

export function emptyPerson(): PersonDraft {
  return { existing_id: null, full_name: '', id_kind: '', id_number: '', address: '', phone: '', locked_number: false };
}

/** A row the officer did not fill at all; it is not sent. */
export function isBlankPerson(p: PersonDraft): boolean {
  return (
    p.existing_id === null &&
    p.full_name.trim() === '' &&
    p.id_number.trim() === '' &&
    p.address.trim() === '' &&
    p.phone.trim() === ''
  );
}

/** A person picked from the register whose particulars are shown, not edited. */
export function isReadonlyPerson(p: PersonDraft): boolean {
  return p.existing_id !== null && !p.original;
}

/** A row that names somebody (typed name, or picked from the register). */
export function isNamedPerson(p: PersonDraft): boolean {
  return p.existing_id !== null || p.full_name.trim() !== '';
}

export function namedCount(persons: PersonDraft[]): number {
  return persons.filter(isNamedPerson).length;
}

export function personFromMatch(m: PersonMatch): PersonDraft {
  const p = m.person;
  // A denunciator masked by the core: nothing of theirs is shown, so nothing is typed
  // either (the core keeps their record as it is; a blank field typed in would be lost).
  if (p.masked) return maskedDraft(p);
  return {
    existing_id: p.id,
    full_name: p.full_name,
    id_kind: p.id_kind,
    id_number: p.id_number ?? '',
    address: p.address ?? '',
    phone: p.phone ?? '',
    locked_number: p.id_number !== null,
    locked_address: p.address !== null && p.address.trim() !== '',
    locked_phone: p.phone !== null && p.phone.trim() !== '',
  };
}

/**
 * A saved person, as a row of a visit being corrected (editable, see `original`). A
 * denunciator masked by the core stays as shown, not edited: what the form holds is the
 * mask, not the person, and a masked record is corrected on the person's page by a
 * leader, after revealing it (the core refuses a correction from the desk).
 */
export function personForCorrection(p: Person): PersonDraft {
  if (p.masked) return maskedDraft(p);
  const row: PersonDraft = {
    existing_id: p.id,
    full_name: p.full_name,
    id_kind: p.id_number === null ? '' : p.id_kind,
    id_number: p.id_number ?? '',
    address: p.address ?? '',
    phone: p.phone ?? '',
    locked_number: false,
  };
  return { ...row, original: particulars(row) };
}

/** A masked denunciator's row: the mask shown, every particular locked. */
function maskedDraft(p: Person): PersonDraft {
  return {
    existing_id: p.id,
    full_name: p.full_name,
    id_kind: '',
    id_number: '',
    address: '',
    phone: '',
    locked_number: true,
    locked_address: true,
    locked_phone: true,
  };
}

/**
 * The correction of a saved person typed in a row (its particulars as they are to be),
 * or null when nothing differs from what is stored.
 */
export function personCorrection(p: PersonDraft): PersonInput | null {
  if (p.existing_id === null || !p.original) return null;
  const now = { ...particulars(p), existing_id: null, correct: false };
  const was = { ...p.original, existing_id: null, correct: false };
  return JSON.stringify(now) === JSON.stringify(was) ? null : now;
}

/**
 * Whether a row is worth asking the core who it may be: a new person (not picked) with
 * a name of at least two words, or an identity number.
 */
export function shouldSuggest(p: PersonDraft): boolean {
  if (p.existing_id !== null) return false;
  const words = p.full_name.trim().split(/\s+/).filter((w) => w !== '');
  return words.length >= 2 || p.id_number.trim() !== '';
}

/** What the suggestions of a row depend on (asked again only when it changes). */
export function suggestKey(p: PersonDraft): string {
  return [p.full_name.trim().replace(/\s+/g, ' ').toLowerCase(), p.id_number.trim(), p.address.trim()].join('|');
}

/**
 * The officer says a suggested person is the one being typed: the row becomes that
 * person, keeping what was typed where the register has nothing (the core fills those
 * blanks the same way when the visit is saved).
 */
export function takeSuggestion(row: PersonDraft, m: PersonMatch): PersonDraft {
  const picked = personFromMatch(m);
  return {
    ...picked,
    address: picked.address || row.address,
    phone: picked.phone || row.phone,
    id_number: picked.id_number || row.id_number,
    id_kind: picked.id_number ? picked.id_kind : row.id_kind,
  };
}

/**
 * Add a person picked from the lookup: fills the first blank row, or appends a row.
 * A person already in the list is not added twice.
 */
export function addPickedPerson(persons: PersonDraft[], m: PersonMatch): PersonDraft[] {
  if (persons.some((p) => p.existing_id === m.person.id)) return persons;
  const picked = personFromMatch(m);
  const blank = persons.findIndex(isBlankPerson);
  if (blank >= 0) return persons.map((p, i) => (i === blank ? picked : p));
  return [...persons, picked];
}

export function removePerson(persons: PersonDraft[], index: number): PersonDraft[] {
  const rest = persons.filter((_, i) => i !== index);
  return rest.length === 0 ? [emptyPerson()] : rest;
}

export function textOrNull(s: string): string | null {
  const t = s.trim();
  return t === '' ? null : t;
}

/** What was typed in a row, as the core takes it. */
function particulars(p: PersonDraft): PersonInput {
  return {
    existing_id: p.existing_id,
    full_name: p.full_name.trim(),
    id_kind: p.id_kind === '' ? null : p.id_kind,
    id_number: textOrNull(p.id_number),
    address: textOrNull(p.address),
    phone: textOrNull(p.phone),
    correct: false,
  };
}

/**
 * A row as the core takes it. A saved person whose particulars were changed in a
 * correction is sent with `correct`: the core corrects the person's record in the same
 * save as the visit (one transaction, kept in the person's history).
 */
export function toPersonInput(p: PersonDraft): PersonInput {
  return { ...particulars(p), correct: personCorrection(p) !== null };
}

/**
 * The persons to send, without blank rows, and for each one sent the row it came from
 * (so that an error about "persons[i]" lands on the right row).
 */
export function toPersonInputs(persons: PersonDraft[]): { persons: PersonInput[]; sentToRow: number[] } {
  const out: PersonInput[] = [];
  const sentToRow: number[] = [];
  persons.forEach((p, row) => {
    if (isBlankPerson(p)) return;
    out.push(toPersonInput(p));
    sentToRow.push(row);
  });
  return { persons: out, sentToRow };
}

/** Accessible label of a person input: "Họ và tên", then "Họ và tên (người 2)"... */
export function personLabel(label: string, index: number): string {
  return index === 0 ? label : `${label} (người ${index + 1})`;
}

/**
 * What was typed in the lookup and found nobody, taken as a new person: digits as the ID
 * number, anything else as the name, in the first row left blank (or a new row). Returns
 * the rows and the index of the row filled.
 */
export function addTypedPerson(persons: PersonDraft[], typed: string): { persons: PersonDraft[]; index: number } {
  const text = typed.trim();
  // An ID number as typed with spaces or dots ("001 090 001234") is still a number.
  const number = text.replace(/[\s.]/g, '');
  const digits = /^\d+$/.test(number);
  const row: PersonDraft = digits ? { ...emptyPerson(), id_number: number } : { ...emptyPerson(), full_name: text };
  const blank = persons.findIndex(isBlankPerson);
  if (blank >= 0) return { persons: persons.map((p, i) => (i === blank ? row : p)), index: blank };
  return { persons: [...persons, row], index: persons.length };
}

/**
 * Whether a name typed in the lookup looks written as it is spelled (a capital or a
 * Vietnamese letter), or only as searched ("nguyen van duc"), to be written again.
 */
export function looksSpelled(name: string): boolean {
  return /[A-ZÀ-ỹĐđ]/.test(name) || /[^\x00-\x7F]/.test(name);
}
