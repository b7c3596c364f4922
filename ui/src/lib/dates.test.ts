import { describe, expect, it } from 'vitest';
import { daysInMonth, formatDate, formatDayMonth, formatRange, parseDate, parseOptionalDate } from './dates';

describe('parseDate', () => {
  it('reads day first, with or without leading zeros', () => {
    expect(parseDate('5/3/2026')).toBe('2026-03-05');
    expect(parseDate('05/03/2026')).toBe('2026-03-05');
    expect(parseDate(' 31/12/2025 ')).toBe('2025-12-31');
  });
  it('accepts dots, dashes and ISO input', () => {
    expect(parseDate('5.3.2026')).toBe('2026-03-05');
    expect(parseDate('5-3-2026')).toBe('2026-03-05');
    expect(parseDate('2026-03-05')).toBe('2026-03-05');
  });
  it('rejects impossible dates', () => {
    expect(parseDate('31/02/2026')).toBeNull();
    expect(parseDate('29/02/2025')).toBeNull();
    expect(parseDate('31/04/2026')).toBeNull();
    expect(parseDate('00/01/2026')).toBeNull();
    expect(parseDate('10/13/2026')).toBeNull();
    expect(parseDate('2026-02-30')).toBeNull();
  });
  it('accepts leap days only in leap years', () => {
    expect(parseDate('29/02/2024')).toBe('2024-02-29');
    expect(parseDate('29/02/2000')).toBe('2000-02-29');
    expect(parseDate('29/02/1900')).toBeNull();
  });
  it('rejects text that is not a date', () => {
    expect(parseDate('')).toBeNull();
    expect(parseDate('hôm nay')).toBeNull();
    expect(parseDate('5/3/26')).toBeNull();
    expect(parseDate('5/3')).toBeNull();
    expect(parseDate('123/3/2026')).toBeNull();
  });
});

describe('formatDate', () => {
  it('shows ISO dates as dd/mm/yyyy', () => {
    expect(formatDate('2026-03-05')).toBe('05/03/2026');
    expect(formatDate('2025-12-31')).toBe('31/12/2025');
  });
  it('leaves other text alone and maps nothing to empty', () => {
    expect(formatDate('abc')).toBe('abc');
    expect(formatDate(null)).toBe('');
    expect(formatDate('')).toBe('');
  });
  it('round-trips with parseDate', () => {
    expect(parseDate(formatDate('2026-01-09'))).toBe('2026-01-09');
  });
});

describe('other helpers', () => {
  it('daysInMonth', () => {
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 7)).toBe(31);
  });
  it('formatDayMonth and formatRange', () => {
    expect(formatDayMonth('2026-03-05')).toBe('05/03');
    expect(formatRange('2026-03-02', '2026-03-08')).toBe('02/03/2026 – 08/03/2026');
    expect(formatRange('2026-03-02', '2026-03-02')).toBe('02/03/2026');
  });
  it('parseOptionalDate tells empty from wrong', () => {
    expect(parseOptionalDate('  ')).toBeNull();
    expect(parseOptionalDate('1/2/2026')).toBe('2026-02-01');
    expect(parseOptionalDate('30/02/2026')).toBeUndefined();
  });
});
