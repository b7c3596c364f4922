// The "Buổi tiếp mới" form (also used to correct a saved session): its state as typed,
// the NewSession it sends, the hosts it offers and when to ask about a second session.
import type { Choice } from './bindings/Choice';
import type { ErrorDto } from './bindings/ErrorDto';
import type { HostGroup } from './bindings/HostGroup';
import type { NewSession } from './bindings/NewSession';
import type { Session } from './bindings/Session';
import type { SessionKind } from './bindings/SessionKind';
import type { Warning } from './bindings/Warning';
import { formatDate, parseDate } from './dates';
import { badDateMessage, localError } from './errors';
import { textOrNull } from './persons';

export interface SessionDraft {
  /** As typed, dd/mm/yyyy. */
  date: string;
  kind: SessionKind;
  host: HostGroup;
  hostName: string;
  place: string;
  notes: string;
}

/**
 * A new session on today's date. `officer`: the signed-in account's name, written as the
 * host's name of a session the desk's officers hold (the one who opens it most often
 * holds it); none for the head's sessions.
 */
export function newSessionDraft(todayIso: string, kind: SessionKind, host: HostGroup, officer = ''): SessionDraft {
  return { date: formatDate(todayIso), kind, host, hostName: host === 'officer' ? officer : '', place: '', notes: '' };
}

/**
 * The host's name once the host changes: the signed-in officer's name, put there by
 * default, goes when the head holds the session, and comes back for the officers; a name
 * typed stays.
 */
export function hostNameFor(host: HostGroup, hostName: string, officer: string): string {
  if (officer === '') return hostName;
  if (host !== 'officer' && hostName === officer) return '';
  if (host === 'officer' && hostName.trim() === '') return officer;
  return hostName;
}

export function sessionToDraft(s: Session): SessionDraft {
  return {
    date: formatDate(s.date),
    kind: s.kind,
    host: s.host_group,
    hostName: s.host_name ?? '',
    place: s.place ?? '',
    notes: s.notes ?? '',
  };
}

export function buildNewSession(d: SessionDraft): { ok: true; input: NewSession } | { ok: false; error: ErrorDto } {
  const date = parseDate(d.date);
  if (date === null) return { ok: false, error: localError('date', badDateMessage('Ngày tiếp', d.date)) };
  return {
    ok: true,
    input: {
      date,
      kind: d.kind,
      host_group: d.host,
      host_name: textOrNull(d.hostName),
      place: textOrNull(d.place),
      notes: textOrNull(d.notes),
    },
  };
}

/** Whether the form holds something typed and not saved. */
export function isSessionDirty(d: SessionDraft, start: SessionDraft): boolean {
  return JSON.stringify(d) !== JSON.stringify(start);
}

/**
 * The hosts offered for the typed date: those the core allows on it (`allowed`, from
 * `hostsOn`), or every host while the date cannot be read yet.
 */
export function hostChoices(all: Choice[], allowed: Choice[] | null): Choice[] {
  if (allowed === null) return all;
  return all.filter((c) => allowed.some((a) => a.code === c.code));
}

/** The chosen host if the date allows it, else the officers' desk (or the first allowed). */
export function keepHost(host: HostGroup, offered: Choice[]): HostGroup {
  if (offered.length === 0 || offered.some((c) => c.code === host)) return host;
  return (offered.find((c) => c.code === 'officer') ?? offered[0]).code as HostGroup;
}

/** The head (Chủ tịch UBND, or a deputy by delegation) receives on scheduled or ad hoc days. */
export function isHead(host: HostGroup): boolean {
  return host === 'chairman' || host === 'deputy';
}

/**
 * The kinds offered for a host: every kind, but not "Thường xuyên" for the head (the core
 * refuses a regular session of the chairman or a deputy: Luật Tiếp công dân, Điều 18).
 */
export function kindChoices(all: Choice[], host: HostGroup): Choice[] {
  return isHead(host) ? all.filter((c) => c.code !== 'regular') : all;
}

/** The kind kept when the host changes: "Thường xuyên" becomes "Định kỳ" for the head. */
export function keepKind(kind: SessionKind, host: HostGroup): SessionKind {
  return isHead(host) && kind === 'regular' ? 'scheduled' : kind;
}

/**
 * Whether to ask the core about another session of the same host that day: always for a
 * new session; for a correction only when the date or the host changes (the session
 * itself would otherwise count as the other one).
 */
export function shouldCheckDuplicate(input: NewSession, saved: Session | null): boolean {
  if (saved === null) return true;
  return input.date !== saved.date || input.host_group !== saved.host_group;
}

/** The question shown before opening a second session, from the core's warnings. */
export function duplicateQuestion(warnings: Warning[]): string | null {
  if (warnings.length === 0) return null;
  return warnings.map((w) => w.message).join(' ');
}

/**
 * The question before deleting a session (one with no visit). `unsaved` names the work
 * typed in the forms that deleting it would drop ("lượt tiếp đang nhập (Đỗ Thị Hoa)").
 */
export function deleteSessionQuestion(unsaved: string[]): string {
  const lost =
    unsaved.length === 0
      ? ''
      : ` ${capitalize(unsaved.join(' và '))} chưa lưu sẽ bị bỏ.`;
  return `Xóa buổi tiếp này?${lost} Việc xóa được ghi vào lịch sử sửa đổi.`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * What a session with no visit says: "Chưa có lượt tiếp" while it may still get some
 * (today, or a day ahead), "Không có công dân đến" for a day that is over.
 */
export function noVisitText(sessionDate: string, today: string): string {
  return sessionDate >= today ? 'Chưa có lượt tiếp' : 'Không có công dân đến';
}
