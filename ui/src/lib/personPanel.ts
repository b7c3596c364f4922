// The person page: the two records side by side before a merge, and what the page says
// about merges.
import type { Choice } from './bindings/Choice';
import type { Person } from './bindings/Person';
import type { PersonDetail } from './bindings/PersonDetail';
import type { PersonMatch } from './bindings/PersonMatch';
import { labelOf } from './catalogue';

export const NOTHING = '—';

/** "Căn cước 001090001234", or "—" for a person without an identity document. */
export function idText(p: Person, idKinds: Choice[]): string {
  if (!p.id_number) return NOTHING;
  return `${labelOf(idKinds, p.id_kind)} ${p.id_number}`;
}

export interface CompareRow {
  label: string;
  kept: string;
  other: string;
  /** The two records say different things here. */
  differs: boolean;
}

function counts(d: PersonDetail): string {
  return `${d.cases.length} vụ việc, ${d.visits.length} lượt tiếp, ${d.petitions.length} đơn`;
}

/** The two records of one citizen, line by line, before merging `other` into `kept`. */
export function compareRows(kept: PersonDetail, other: PersonDetail, idKinds: Choice[]): CompareRow[] {
  const row = (label: string, a: string | null, b: string | null): CompareRow => {
    const kv = a && a.trim() !== '' ? a : NOTHING;
    const ov = b && b.trim() !== '' ? b : NOTHING;
    return { label, kept: kv, other: ov, differs: kv !== ov };
  };
  return [
    row('Họ và tên', kept.person.full_name, other.person.full_name),
    row('Giấy tờ', idText(kept.person, idKinds), idText(other.person, idKinds)),
    row('Địa chỉ', kept.person.address, other.person.address),
    row('Số điện thoại', kept.person.phone, other.person.phone),
    { label: 'Hồ sơ có', kept: counts(kept), other: counts(other), differs: false },
  ];
}

/** Persons found for a merge, without the page's own person and records already merged away. */
export function mergeCandidates(found: PersonMatch[], selfId: string): PersonMatch[] {
  return found.filter((m) => m.person.id !== selfId && m.person.merged_into === null);
}
