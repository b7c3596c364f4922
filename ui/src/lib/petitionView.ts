// How the petition page and lists put the core's records into words: names, the
// timeline's rows, the history's entries. Labels all come from the core's catalogue.
import { whoOf } from './history';
import type { Catalogue } from './bindings/Catalogue';
import type { ChangeView } from './bindings/ChangeView';
import type { Petition } from './bindings/Petition';
import type { PetitionMove } from './bindings/PetitionMove';
import { labelOf } from './catalogue';
import { formatDate } from './dates';

type Labels = Pick<Catalogue, 'signers' | 'move_actions' | 'actors' | 'change_actions' | 'petition_states'>;

/** "Phạm Thị Lan, Lê Văn Hùng", or the "Nặc danh" label for an anonymous petition. */
export function petitionerNames(p: Petition, signers: Catalogue['signers']): string {
  if (p.anonymous || p.petitioners.length === 0) return labelOf(signers, 'anonymous');
  return p.petitioners.map((x) => x.full_name).join(', ');
}

/** Đủ điều kiện xử lý: yes, no, or not reviewed yet. */
export function eligibleText(eligible: boolean | null): string {
  if (eligible === null) return 'Chưa xem xét';
  return eligible ? 'Đủ điều kiện xử lý' : 'Không đủ điều kiện xử lý';
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A UTC instant (RFC 3339) in the office's local time: "05/03/2026 14:07". */
export function formatInstant(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  return `${pad2(d.getDate())}/${pad2(d.getMonth() + 1)}/${d.getFullYear()} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

export interface TimelineRow {
  id: string;
  action: string;
  /** The action's label ("Phân loại đơn"). */
  actionLabel: string;
  /** dd/mm/yyyy, the day the move took effect. */
  date: string;
  /** Who recorded it, and when. */
  who: string;
  recordedAt: string;
  docNo: string;
  agency: string;
  note: string;
  summary: string;
  /** The state it led to. */
  state: string;
}

/** The timeline's rows, in the order the moves were made. */
export function timelineRows(moves: PetitionMove[], labels: Labels): TimelineRow[] {
  return moves.map((m) => ({
    id: m.id,
    action: m.action,
    actionLabel: labelOf(labels.move_actions, m.action),
    date: formatDate(m.on_date),
    who: whoOf(labelOf(labels.actors, m.actor), null, m.user),
    recordedAt: formatInstant(m.at),
    docNo: m.doc_no ?? '',
    agency: m.agency ?? '',
    note: m.note ?? '',
    summary: m.summary ?? '',
    state: labelOf(labels.petition_states, m.to_state),
  }));
}

export interface HistoryEntry {
  id: string;
  when: string;
  who: string;
  what: string;
  note: string;
  fields: { field: string; label: string; old: string; new: string }[];
}

/** The history of corrections, newest first (the core gives it oldest first). */
export function historyEntries(changes: ChangeView[], labels: Labels): HistoryEntry[] {
  return [...changes].reverse().map((c) => ({
    id: c.id,
    when: formatInstant(c.at),
    who: whoOf(labelOf(labels.actors, c.actor), c.source, c.user),
    what: labelOf(labels.change_actions, c.action),
    note: c.note ?? '',
    fields: c.fields.map((f) => ({ field: f.field, label: f.label, old: f.old ?? '—', new: f.new ?? '—' })),
  }));
}

/** "Xóa đơn" is for a petition received directly; one handed in at a visit goes with its visit. */
export function canDelete(p: Petition): boolean {
  return p.visit_id === null;
}

/** A petition handed in at a visit takes its date and persons from the visit. */
export function fromVisit(p: Petition): boolean {
  return p.visit_id !== null;
}

/**
 * A petition's number in its two parts: "12/2026", and for one numbered by another ward's
 * register combined into this one, the unit the core adds ("12/2026 (phường Tân Lập)"),
 * so a narrow column keeps the number whole and wraps the unit's name under it.
 */
export function numberParts(number: string): { number: string; unit: string | null } {
  const m = /^(\S+)\s+\((.+)\)$/.exec(number.trim());
  return m ? { number: m[1], unit: m[2] } : { number: number.trim(), unit: null };
}
