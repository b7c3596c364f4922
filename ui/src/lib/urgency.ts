// How pressing a petition is, as the badges and deadline lists show it. The core decides
// (Petition.urgency, Deadline.overdue / due_soon / met_on…); this only turns its verdict
// into a badge's text and tone, and sorts by it.
import type { Choice } from './bindings/Choice';
import type { Deadline } from './bindings/Deadline';
import type { Petition } from './bindings/Petition';
import type { PetitionState } from './bindings/PetitionState';
import type { Urgency } from './bindings/Urgency';
import { labelOf } from './catalogue';
import { formatDate } from './dates';

/** The colour of a badge: red, amber, grey; blue for a petition waiting to be classified. */
export type BadgeTone = 'overdue' | 'soon' | 'unknown' | 'waiting';

export interface UrgencyBadge {
  tone: BadgeTone;
  /** "Quá hạn", "Sắp đến hạn", "Chưa tính được hạn" (the core's catalogue labels). */
  text: string;
  /** The next due date, dd/mm/yyyy, when there is one. */
  due: string | null;
  /** Which deadline it is ("Thụ lý giải quyết"), when known. */
  step: string | null;
  /** Why it has no due day, when it has none and the core says why. */
  note?: string | null;
  /** A longer explanation (tooltip and screen readers): which deadline, which day. */
  title: string;
}

const TONE: Partial<Record<Urgency, BadgeTone>> = {
  overdue: 'overdue',
  due_soon: 'soon',
  unknown: 'unknown',
};

/**
 * The badge of a petition: none for a petition within its deadlines (or with none left).
 * `labels` is `catalogue.urgencies`.
 */
export function urgencyBadge(urgency: Urgency, next: Deadline | null, labels: Choice[]): UrgencyBadge | null {
  const tone = TONE[urgency];
  if (!tone) return null;
  const text = labelOf(labels, urgency);
  const due = next?.due ? formatDate(next.due) : null;
  let title = text;
  if (next) {
    if (due) title = `${text}: ${next.label}, hạn ${due}`;
    else if (next.note) title = `${text}: ${next.label}. ${next.note}`;
    else title = `${text}: ${next.label}`;
  }
  return { tone, text, due, title, step: next?.label ?? null, note: due ? null : (next?.note ?? null) };
}

export function petitionBadge(p: Petition, labels: Choice[]): UrgencyBadge | null {
  return urgencyBadge(p.urgency, p.next_due, labels);
}

/** The badge of a petition received and not yet classified, with nothing due soon. */
export const WAITING_TEXT = 'Chờ phân loại';

/** Received, not classified yet, and not pressing: the dashboard's queue lists it last. */
export function isWaiting(p: { urgency: Urgency; state: PetitionState }): boolean {
  return p.urgency === 'none' && p.state === 'received';
}

/**
 * The badge of a petition in the "Cần xử lý" queue: its urgency's, else "Chờ phân loại"
 * for one waiting to be classified (the officer's next step).
 */
export function queueBadge(
  p: { urgency: Urgency; state: PetitionState; next_due: Deadline | null },
  labels: Choice[],
): UrgencyBadge | null {
  const badge = urgencyBadge(p.urgency, p.next_due, labels);
  if (badge || !isWaiting(p)) return badge;
  const due = p.next_due?.due ? formatDate(p.next_due.due) : null;
  const title = p.next_due && due ? `${WAITING_TEXT}: ${p.next_due.label}, hạn ${due}` : WAITING_TEXT;
  return { tone: 'waiting', text: WAITING_TEXT, due, title, step: p.next_due?.label ?? null };
}

const RANK: Record<Urgency, number> = { overdue: 0, due_soon: 1, unknown: 2, none: 3 };

/** Overdue first, then due soon, then not computable, then the others; earliest due first within each. */
export function compareUrgency(a: Petition, b: Petition): number {
  const r = RANK[a.urgency] - RANK[b.urgency];
  if (r !== 0) return r;
  const da = a.next_due?.due ?? null;
  const db = b.next_due?.due ?? null;
  if (da === db) return 0;
  if (da === null) return 1;
  if (db === null) return -1;
  return da < db ? -1 : 1;
}

export function sortByUrgency(list: Petition[]): Petition[] {
  return [...list].sort(compareUrgency);
}

/** How one deadline stands, for the petition page's list of deadlines. */
export type DeadlineTone = 'met' | 'late' | 'overdue' | 'soon' | 'open' | 'unknown' | 'suspended';

export interface DeadlineStatus {
  tone: DeadlineTone;
  text: string;
}

/**
 * "Đã thực hiện ngày 05/03/2026", "Thực hiện muộn ngày …", "Quá hạn", "Sắp đến hạn",
 * "Còn hạn", or why the due day cannot be computed, or what is known of a step a petition
 * ended without (the core's note).
 */
export function deadlineStatus(d: Deadline, labels: Choice[]): DeadlineStatus {
  if (d.met_on) {
    return d.late
      ? { tone: 'late', text: `Thực hiện muộn, ngày ${formatDate(d.met_on)}` }
      : { tone: 'met', text: `Đã thực hiện ngày ${formatDate(d.met_on)}` };
  }
  if (d.suspended) return { tone: 'suspended', text: d.note ?? 'Đang tạm đình chỉ' };
  if (!d.due) {
    const head = labelOf(labels, 'unknown');
    return { tone: 'unknown', text: d.note ? `${head}: ${d.note}` : head };
  }
  // A due day and a note, unmet: the petition ended with the step not recorded.
  if (d.note) return { tone: 'unknown', text: d.note };
  if (d.overdue) return { tone: 'overdue', text: labelOf(labels, 'overdue') };
  if (d.due_soon) return { tone: 'soon', text: labelOf(labels, 'due_soon') };
  return { tone: 'open', text: 'Còn hạn' };
}
