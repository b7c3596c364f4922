// The repeatable person group of the visit and petition forms, as typed at the desk.
import type { IdKind } from './bindings/IdKind';
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

/** A row that names somebody (typed name, or picked from the register). */
export function isNamedPerson(p: PersonDraft): boolean {
  return p.existing_id !== null || p.full_name.trim() !== '';
}

export function namedCount(persons: PersonDraft[]): number {
  return persons.filter(isNamedPerson).length;
}

export function personFromMatch(m: PersonMatch): PersonDraft {
  const p = m.person;
  return {
    existing_id: p.id,
    full_name: p.full_name,
    id_kind: p.id_kind,
    id_number: p.id_number ?? '',
    address: p.address ?? '',
    phone: p.phone ?? '',
    locked_number: p.id_number !== null,
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

export function toPersonInput(p: PersonDraft): PersonInput {
  return {
    existing_id: p.existing_id,
    full_name: p.full_name.trim(),
    id_kind: p.id_kind === '' ? null : p.id_kind,
    id_number: textOrNull(p.id_number),
    address: textOrNull(p.address),
    phone: textOrNull(p.phone),
  };
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
