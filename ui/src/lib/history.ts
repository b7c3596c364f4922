// The "Lịch sử sửa đổi" of a record, as lines an officer reads: when, who, what, and
// each field's old value → new value. Labels and values come from the core (ChangeView).
import type { ChangeView } from './bindings/ChangeView';
import type { Choice } from './bindings/Choice';
import type { FieldChange } from './bindings/FieldChange';
import { labelOf } from './catalogue';

export const EMPTY_VALUE = '(trống)';

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** An RFC 3339 instant as the officer's local "dd/mm/yyyy HH:mm" (unchanged if unreadable). */
/** Where a change came from, when not from this register's own desk: "tệp nhập: …" for an
 * exchange file; a record a restore carried over from the register it replaced says so
 * itself ("sổ trước khi khôi phục (…)"). */
export function sourceText(source: string): string {
  return source.startsWith('sổ trước khi khôi phục') ? `ghi ở ${source}` : `tệp nhập: ${source}`;
}

/** Who made a change: the account when there is one; one brought by an exchange file says which file. */
export function whoOf(actor: string, source: string | null, user?: string | null): string {
  const who = user ? `${user} · ${actor}` : actor;
  return source ? `${who} (từ ${sourceText(source)})` : who;
}

export function formatInstant(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  return `${pad2(d.getDate())}/${pad2(d.getMonth() + 1)}/${d.getFullYear()} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

export interface FieldLine {
  label: string;
  old: string;
  new: string;
}

export interface HistoryLine {
  id: string;
  when: string;
  who: string;
  what: string;
  note: string | null;
  fields: FieldLine[];
}

/** The fields that changed (the core may list a field whose value stayed the same). */
export function changedFields(fields: FieldChange[]): FieldLine[] {
  return fields
    .filter((f) => f.old !== f.new)
    .map((f) => ({ label: f.label, old: f.old ?? EMPTY_VALUE, new: f.new ?? EMPTY_VALUE }));
}

export function historyLines(
  changes: ChangeView[],
  catalogue: { actors: Choice[]; change_actions: Choice[] },
): HistoryLine[] {
  return changes.map((c) => ({
    id: c.id,
    when: formatInstant(c.at),
    who: whoOf(labelOf(catalogue.actors, c.actor), c.source, c.user),
    what: labelOf(catalogue.change_actions, c.action),
    note: c.note,
    fields: changedFields(c.fields),
  }));
}
