// Date conversion between what the officer types and sees (dd/mm/yyyy) and what
// crosses the API (ISO YYYY-MM-DD). No time zones involved: these are calendar dates.

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function toIso(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2999) return null;
  if (month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

const DMY = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parse a date typed by the officer: "5/3/2026", "05/03/2026", "5-3-2026", "5.3.2026"
 * (day first), or an ISO date. Returns the ISO date, or null when the text is not a
 * real calendar date (31/02/2026, 29/02/2025, 00/01/2026...).
 */
export function parseDate(text: string): string | null {
  const t = text.trim();
  let m = DMY.exec(t);
  if (m) return toIso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = ISO.exec(t);
  if (m) return toIso(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/** ISO date → "05/03/2026". Text that is not an ISO date is returned unchanged. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = ISO.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** ISO date → "05/03" (chart axis). */
export function formatDayMonth(iso: string): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}`;
}

/** "05/03/2026 – 11/03/2026", or a single date when both ends are equal. */
export function formatRange(from: string, to: string): string {
  return from === to ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`;
}

/**
 * Read an optional date input: empty → null (no bound), a real date → its ISO form,
 * anything else → undefined (the caller reports the field).
 */
export function parseOptionalDate(text: string): string | null | undefined {
  if (text.trim() === '') return null;
  return parseDate(text) ?? undefined;
}
