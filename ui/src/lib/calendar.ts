// The working-day calendar editor: rows as the officer types them (dd/mm/yyyy) and the
// CalendarDay list the core stores, both ways, and which core message belongs to which row.
import type { CalendarDay } from './bindings/CalendarDay';
import type { CalendarYear } from './bindings/CalendarYear';
import type { DayKind } from './bindings/DayKind';
import type { ErrorDto } from './bindings/ErrorDto';
import { formatDate, parseDate } from './dates';
import { badDateMessage, localError, remapPersonError } from './errors';
import { fold } from './fold';

/** One row of the editor: the date as typed. `key` keeps a row's inputs when rows move. */
export interface CalendarRow {
  key: number;
  date: string;
  kind: DayKind;
  name: string;
}

let nextKey = 1;

export function blankRow(): CalendarRow {
  return { key: nextKey++, date: '', kind: 'holiday', name: '' };
}

export function rowOf(day: CalendarDay): CalendarRow {
  return { key: nextKey++, date: formatDate(day.date), kind: day.kind, name: day.name };
}

/** The rows to edit a year: its listed days, or one blank row for a year with none. */
export function rowsOf(days: CalendarDay[]): CalendarRow[] {
  return days.length > 0 ? days.map(rowOf) : [blankRow()];
}

export function isBlank(row: CalendarRow): boolean {
  return row.date.trim() === '' && row.name.trim() === '';
}

/** The screen row's field name, as the core names the day it was sent as. */
export const rowField = (row: number, key: 'date' | 'kind' | 'name') => `days[${row}].${key}`;

export type DaysOrError = { days: CalendarDay[]; sentToRow: number[] } | { error: ErrorDto };

/**
 * The days to send for the rows: blank rows are left out (`sentToRow[i]` is the screen row
 * of the i-th day sent), a date is read as dd/mm/yyyy. A date that is not a real date is
 * reported on its row before anything is sent; every other check is the core's.
 */
export function rowsToDays(rows: CalendarRow[]): DaysOrError {
  const days: CalendarDay[] = [];
  const sentToRow: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (isBlank(row)) continue;
    const iso = parseDate(row.date);
    if (iso === null) {
      return { error: localError(rowField(i, 'date'), badDateMessage(`Dòng ${i + 1}, ngày`, row.date)) };
    }
    days.push({ date: iso, kind: row.kind, name: row.name.trim() });
    sentToRow.push(i);
  }
  return { days, sentToRow };
}

/** The core's `days[i].…` (i-th day sent) as the screen row's field. */
export function rowError(error: ErrorDto, sentToRow: number[]): ErrorDto {
  return remapPersonError(error, 'days', sentToRow);
}

/** Whether the rows differ from the saved days (something typed, not yet saved). */
export function rowsChanged(saved: CalendarDay[], rows: CalendarRow[]): boolean {
  const typed = rows.filter((r) => !isBlank(r));
  if (typed.length !== saved.length) return true;
  return typed.some((r, i) => {
    const d = saved[i];
    return (parseDate(r.date) ?? r.date.trim()) !== d.date || r.kind !== d.kind || r.name.trim() !== d.name;
  });
}

/** The first year the calendar does not know: the one offered to be filled. */
export function yearToFill(years: CalendarYear[]): number | null {
  return years.find((y) => !y.known)?.year ?? null;
}

/** What a year's line says about it. */
export function yearStatus(y: CalendarYear): string {
  if (!y.known) return 'Chưa có lịch: chưa tính được thời hạn trong năm này';
  if (y.shipped && y.edited) return 'Có sẵn, đơn vị đã sửa';
  if (y.shipped && y.forecast) return 'Có sẵn, dự kiến (chưa có thông báo chính thức)';
  if (y.shipped) return 'Có sẵn trong phần mềm';
  return 'Đơn vị đã bổ sung';
}

/** "12 ngày" / "chưa ghi ngày nào" for a year's listed days. */
export function dayCount(y: CalendarYear): string {
  return y.days.length === 0 ? 'chưa ghi ngày nào' : `${y.days.length} ngày`;
}

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** "Thứ Bảy" for an ISO date (what a make-up working day must be), '' for anything else. */
export function weekdayOf(iso: string | null): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!m) return '';
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return WEEKDAYS[d.getUTCDay()];
}

/** Under this many days off (holidays and days off in lieu), a year's list is likely incomplete. */
export const FEW_DAYS_OFF = 5;

/** Whether a day's name is the Lunar New Year's (Tết Nguyên đán), not Tết Dương lịch. */
export function isLunarNewYear(name: string): boolean {
  const n = fold(name);
  return /\btet\b/.test(n) && !/duong lich/.test(n);
}

/**
 * What looks wrong in a year's rows before they are saved (never blocking: the core
 * decides): fewer than 5 days off in all, or no Tết Nguyên đán. Nothing is said until a
 * day is typed.
 */
export function calendarWarnings(year: number, rows: CalendarRow[]): string[] {
  const typed = rows.filter((r) => !isBlank(r));
  if (typed.length === 0) return [];
  const off = typed.filter((r) => r.kind === 'holiday' || r.kind === 'swap_off');
  const out: string[] = [];
  if (!off.some((r) => isLunarNewYear(r.name))) {
    out.push(`Năm ${year} chưa có Tết Nguyên đán: kiểm tra lại trước khi lưu.`);
  }
  if (off.length < FEW_DAYS_OFF) {
    out.push(
      `Năm ${year} mới có ${off.length} ngày nghỉ (lễ, Tết, nghỉ bù); một năm thường có khoảng 20 ngày: kiểm tra lại trước khi lưu.`,
    );
  }
  return out;
}

/** The line after a year is saved: "nay đã tính được" only for a year that was not known. */
export function savedYearMessage(saved: CalendarYear, wasKnown: boolean): string {
  const head = `Đã lưu lịch năm ${saved.year}: ${dayCount(saved)}.`;
  return wasKnown ? head : `${head} Thời hạn trong năm ${saved.year} nay đã tính được.`;
}

/** Where a shipped year's days come from, under its list. */
export function shippedNote(y: CalendarYear): string {
  if (y.forecast) {
    return `Lịch dự kiến kèm theo phần mềm: một số ngày (như Tết Nguyên đán, ngày nghỉ bù) chưa có thông báo chính thức của Chính phủ. Khi có thông báo, kiểm tra lại và bấm “Sửa năm ${y.year}” nếu khác.`;
  }
  return `Lịch có sẵn theo thông báo chính thức, kèm theo phần mềm. Nếu Chính phủ thay đổi lịch nghỉ, bấm “Sửa năm ${y.year}”: danh sách đơn vị lưu sẽ thay cho danh sách có sẵn của năm này.`;
}
