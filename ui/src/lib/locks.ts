// Locked reporting periods as the screens speak of them: the banner of Tổng hợp, the list
// of locks, and the note under a date that falls in a locked period (saving is not
// blocked: the core records the change as an adjustment of the period already sent).
import type { PeriodLock } from './bindings/PeriodLock';
import type { PeriodRange } from './bindings/PeriodRange';
import { formatDate } from './dates';

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The day (the office's local time) of a UTC instant: "15/12/2026". */
export function lockedOn(lockedAt: string): string {
  const d = new Date(lockedAt);
  if (Number.isNaN(d.getTime())) return lockedAt;
  return `${pad2(d.getDate())}/${pad2(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** The note under a date typed in a locked period, or null when it is in none. */
export function lockNoteText(locks: Pick<PeriodLock, 'label'>[]): string | null {
  if (locks.length === 0) return null;
  const labels = [...new Set(locks.map((l) => l.label))].join(', ');
  return `Ngày này thuộc kỳ đã khóa (${labels}): thay đổi sẽ được ghi là điều chỉnh số liệu kỳ trước.`;
}

/** The lock of exactly this period, if it was locked. */
export function lockOf(locks: PeriodLock[], range: PeriodRange | null): PeriodLock | null {
  if (!range) return null;
  return locks.find((l) => l.from === range.from && l.to === range.to) ?? null;
}

/** Locks of other periods that share days with this one. */
export function overlapping(locks: PeriodLock[], range: PeriodRange | null): PeriodLock[] {
  if (!range) return [];
  return locks.filter((l) => l.from <= range.to && l.to >= range.from && !(l.from === range.from && l.to === range.to));
}

/** The banner over a locked period's figures. */
export function lockBanner(lock: PeriodLock): string {
  return `Kỳ này đã khóa ngày ${lockedOn(lock.locked_at)}; thay đổi sau đó được ghi là điều chỉnh.`;
}

/** The note over a period that shares days with locked ones. */
export function overlapNote(locks: PeriodLock[]): string | null {
  if (locks.length === 0) return null;
  return `Một phần kỳ này thuộc kỳ đã khóa (${locks.map((l) => l.label).join(', ')}).`;
}

/** "Chưa có", "3 thay đổi". */
export function adjustmentsText(n: number): string {
  return n === 0 ? 'Chưa có' : `${n} thay đổi`;
}

export interface LockRow {
  id: string;
  label: string;
  dates: string;
  reportNo: string;
  lockedOn: string;
  adjustments: string;
}

/** The list of locked periods, the latest period first. */
export function lockRows(locks: PeriodLock[]): LockRow[] {
  return [...locks]
    .sort((a, b) => b.to.localeCompare(a.to) || b.from.localeCompare(a.from))
    .map((l) => ({
      id: l.id,
      label: l.label,
      dates: `${formatDate(l.from)} – ${formatDate(l.to)}`,
      reportNo: l.report_no ?? '',
      lockedOn: lockedOn(l.locked_at),
      adjustments: adjustmentsText(l.adjustments),
    }));
}

/** The ISO day after `iso` ("2026-12-14" → "2026-12-15"). */
function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Why the period on screen cannot be locked yet (the core's rule: only once its last day
 * is over), said before the form is filled; null once it can be.
 */
export function lockNotYet(range: PeriodRange, todayIso: string): string | null {
  if (range.to < todayIso) return null;
  return `Kỳ này chưa hết (số liệu tính đến hết ngày ${formatDate(range.to)}): khóa được từ ngày ${formatDate(dayAfter(range.to))}, khi đã gửi báo cáo.`;
}
