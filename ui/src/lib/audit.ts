// Nhật ký (Cài đặt, the administrator): the audit log as rows a person reads (local time,
// the account, the action's label from the catalogue, what it touched), paging, and the
// chain check's verdict.
import type { AuditCheck } from './bindings/AuditCheck';
import type { AuditEntry } from './bindings/AuditEntry';
import type { AuditFilter } from './bindings/AuditFilter';
import type { ChangeAction } from './bindings/ChangeAction';
import type { Choice } from './bindings/Choice';
import { labelOf } from './catalogue';
import { formatInstant, sourceText } from './history';

/** Rows asked for at a time. */
export const AUDIT_PAGE = 200;

/**
 * What each table of the register is called (the audit log names the table). The core's
 * catalogue has no such list yet; a table not named here is shown by its code.
 */
export const TABLE_LABELS: Readonly<Record<string, string>> = {
  sessions: 'Buổi tiếp',
  visits: 'Lượt tiếp',
  persons: 'Công dân',
  petitions: 'Đơn',
  cases: 'Vụ việc',
  users: 'Tài khoản',
  settings: 'Cài đặt',
  fields: 'Lĩnh vực',
  calendar: 'Lịch ngày làm việc',
  backups: 'Sao lưu',
  exports: 'Tệp xuất',
  exchange: 'Tệp trao đổi',
  period_locks: 'Khóa kỳ báo cáo',
  manual_figures: 'Số liệu nhập tay',
};

/** A record id as shown: an id of the app's own (a UUID) cut to its last 8 characters. */
export function shortId(id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? `…${id.slice(-8)}` : id;
}

export interface AuditRow {
  seq: number;
  when: string;
  who: string;
  /** The actor's label (desk, CLI, import, sample data), for a row without an account. */
  whoTitle: string;
  action: string;
  what: string;
  /** The full record id, for a tooltip. */
  whatTitle: string;
  note: string;
}

/**
 * What a row touched: the table's name and the record, as the core names it ("Đơn số
 * 12/2026", "Tài khoản quantri", "Cài đặt Thời gian tự khóa…"), else by its id; a failed
 * sign-in's record is the login typed;
 * a backup's record id means nothing to a person and is left out.
 */
export function whatOf(e: AuditEntry): string {
  const table = TABLE_LABELS[e.table] ?? e.table;
  // An export or a backup is no record to point at: what it was is in its note.
  if (e.table === 'backups' || e.table === 'exports' || e.record_id === '') return table;
  // The core names the record in words when it may (a denunciator masked).
  if (e.subject) return `${table} ${e.subject}`;
  return `${table} ${shortId(e.record_id)}`;
}

export function auditRows(
  entries: readonly AuditEntry[],
  catalogue: { actors: Choice[]; change_actions: Choice[] },
): AuditRow[] {
  return entries.map((e) => ({
    seq: e.seq,
    when: formatInstant(e.at),
    who: e.user ?? '—',
    whoTitle: labelOf(catalogue.actors, e.actor),
    action: labelOf(catalogue.change_actions, e.action),
    what: whatOf(e),
    whatTitle: `${e.table} ${e.record_id}`,
    note: [e.note, e.source ? sourceText(e.source) : null].filter(Boolean).join('; '),
  }));
}

/** The filter of one page: the newest rows of `action` ('' = all), before the oldest shown. */
export function auditFilter(action: string, shown: readonly AuditEntry[] = []): AuditFilter {
  const last = shown[shown.length - 1];
  return {
    action: action === '' ? null : (action as ChangeAction),
    before: last ? last.seq : null,
    limit: AUDIT_PAGE,
  };
}

/** Whether "Xem thêm" may bring more: a full page came back. */
export function mayHaveMore(page: readonly AuditEntry[]): boolean {
  return page.length >= AUDIT_PAGE;
}

/** A page appended to what is shown, without a row twice. */
export function appendPage(shown: readonly AuditEntry[], page: readonly AuditEntry[]): AuditEntry[] {
  const seen = new Set(shown.map((e) => e.seq));
  return [...shown, ...page.filter((e) => !seen.has(e.seq))];
}

/** The check's verdict: whole (green) or broken (red), with the core's message. */
export function checkTone(check: AuditCheck): 'ok' | 'broken' {
  return check.broken_at === null ? 'ok' : 'broken';
}
