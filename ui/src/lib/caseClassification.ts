// What an earlier case was about (kind and field), to pre-fill a visit linked to it.
// The lookup's CaseSummary does not carry them, so they are read from the case's own
// petitions and visits: the latest record that has a kind or a field wins.
import type { CaseDetail } from './bindings/CaseDetail';
import type { PetitionKind } from './bindings/PetitionKind';
import type { SessionView } from './bindings/SessionView';
import type { VisitRef } from './bindings/VisitRef';

export interface Classified {
  /** ISO date of the record. */
  date: string;
  kind: PetitionKind | null;
  field_code: string | null;
}

export interface CaseClassification {
  kind: PetitionKind | null;
  field_code: string | null;
}

/** The kind and field of the latest record that has either (null when none has). */
export function latestClassification(records: Classified[]): CaseClassification | null {
  const known = records.filter((r) => r.kind !== null || r.field_code !== null);
  if (known.length === 0) return null;
  const latest = known.reduce((a, b) => (b.date > a.date ? b : a));
  return { kind: latest.kind, field_code: latest.field_code };
}

/** The case's petitions as classified records. */
export function petitionRecords(detail: CaseDetail): Classified[] {
  return detail.petitions.map((p) => ({ date: p.received_on, kind: p.kind, field_code: p.field_code }));
}

/** The case's visits found in the sessions listed for their dates. */
export function visitRecords(refs: VisitRef[], sessions: SessionView[]): Classified[] {
  const out: Classified[] = [];
  for (const r of refs) {
    const v = sessions.find((s) => s.session.id === r.session_id)?.visits.find((x) => x.id === r.visit_id);
    if (v) out.push({ date: r.date, kind: v.kind, field_code: v.field_code });
  }
  return out;
}

/** The latest visit of a case (its session is listed to read the visit's kind and field). */
export function latestVisit(refs: VisitRef[]): VisitRef | null {
  if (refs.length === 0) return null;
  return refs.reduce((a, b) => (b.date > a.date || (b.date === a.date && b.seq > a.seq) ? b : a));
}
