import { describe, expect, it } from 'vitest';
import type { CalendarYear } from './bindings/CalendarYear';
import {
  blankRow,
  calendarWarnings,
  dayCount,
  isLunarNewYear,
  rowError,
  rowOf,
  rowsChanged,
  rowsOf,
  rowsToDays,
  savedYearMessage,
  shippedNote,
  yearStatus,
  yearToFill,
  weekdayOf,
  type CalendarRow,
} from './calendar';

const row = (date: string, name = 'Tết Dương lịch', kind: CalendarRow['kind'] = 'holiday'): CalendarRow => ({
  ...blankRow(),
  date,
  kind,
  name,
});

describe('calendar rows ↔ CalendarDay', () => {
  it('shows a stored day as dd/mm/yyyy', () => {
    const r = rowOf({ date: '2028-01-01', kind: 'holiday', name: 'Tết Dương lịch' });
    expect(r).toMatchObject({ date: '01/01/2028', kind: 'holiday', name: 'Tết Dương lịch' });
  });

  it('sends typed rows as ISO dates, names trimmed', () => {
    const out = rowsToDays([row('1/1/2028', '  Tết Dương lịch '), row('08/01/2028', 'Làm bù', 'swap_work')]);
    expect(out).toEqual({
      days: [
        { date: '2028-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
        { date: '2028-01-08', kind: 'swap_work', name: 'Làm bù' },
      ],
      sentToRow: [0, 1],
    });
  });

  it('round-trips what the core stored', () => {
    const days = [
      { date: '2028-04-30', kind: 'holiday' as const, name: 'Ngày Chiến thắng' },
      { date: '2028-05-02', kind: 'swap_off' as const, name: 'Nghỉ bù' },
    ];
    expect(rowsToDays(days.map(rowOf))).toEqual({ days, sentToRow: [0, 1] });
  });

  it('leaves blank rows out and remembers which screen row each day came from', () => {
    const out = rowsToDays([blankRow(), row('01/01/2028'), blankRow(), row('02/09/2028', 'Quốc khánh')]);
    expect('days' in out && out.sentToRow).toEqual([1, 3]);
    expect('days' in out && out.days.map((d) => d.date)).toEqual(['2028-01-01', '2028-09-02']);
  });

  it('sends nothing when every row is blank (a year with no listed day)', () => {
    expect(rowsToDays([blankRow()])).toEqual({ days: [], sentToRow: [] });
  });

  it('reports a date it cannot read on its own row', () => {
    const out = rowsToDays([row('01/01/2028'), blankRow(), row('31/02/2028')]);
    expect('error' in out && out.error.field).toBe('days[2].date');
    expect('error' in out && out.error.message).toContain('Dòng 3');
    const noDate = rowsToDays([row('', 'Giỗ Tổ')]);
    expect('error' in noDate && noDate.error.field).toBe('days[0].date');
  });

  it("puts the core's message on the screen row it concerns", () => {
    const e = { code: 'invalid_input', field: 'days[1].name', message: 'Ngày 02/09/2028: ghi tên…' };
    expect(rowError(e, [1, 3]).field).toBe('days[3].name');
    const other = { code: 'invalid_input', field: 'year', message: 'Năm 1800 không hợp lệ.' };
    expect(rowError(other, [1, 3])).toEqual(other);
  });

  it('starts a year with no listed day on one blank row', () => {
    const rows = rowsOf([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ date: '', name: '', kind: 'holiday' });
  });

  it('gives each row its own key', () => {
    expect(blankRow().key).not.toBe(blankRow().key);
  });

  it('tells whether the rows differ from the saved days', () => {
    const saved = [{ date: '2028-01-01', kind: 'holiday' as const, name: 'Tết Dương lịch' }];
    expect(rowsChanged(saved, saved.map(rowOf))).toBe(false);
    expect(rowsChanged(saved, [...saved.map(rowOf), blankRow()])).toBe(false);
    expect(rowsChanged(saved, [row('1/1/2028', 'Tết Dương lịch')])).toBe(false);
    expect(rowsChanged(saved, [row('02/01/2028', 'Tết Dương lịch')])).toBe(true);
    expect(rowsChanged(saved, [row('01/01/2028', 'Tết Dương lịch', 'swap_off')])).toBe(true);
    expect(rowsChanged([], [blankRow()])).toBe(false);
    expect(rowsChanged([], [row('01/01/2028')])).toBe(true);
  });
});

describe('calendar years', () => {
  const y = (year: number, known: boolean, shipped: boolean, n = 0, edited = false, forecast = false): CalendarYear => ({
    year,
    known,
    shipped,
    edited,
    forecast,
    days: Array.from({ length: n }, (_, i) => ({ date: `${year}-01-0${i + 1}`, kind: 'holiday', name: 'x' })),
  });

  it('offers the first year the calendar does not know', () => {
    expect(yearToFill([y(2026, true, true), y(2027, true, true), y(2028, false, false)])).toBe(2028);
    expect(yearToFill([y(2026, true, true)])).toBeNull();
  });

  it('says what each year is', () => {
    expect(yearStatus(y(2026, true, true))).toBe('Có sẵn trong phần mềm');
    expect(yearStatus(y(2026, true, true, 3, true))).toBe('Có sẵn, đơn vị đã sửa');
    expect(yearStatus(y(2027, true, true, 3, false, true))).toBe('Có sẵn, dự kiến (chưa có thông báo chính thức)');
    expect(yearStatus(y(2028, true, false))).toBe('Đơn vị đã bổ sung');
    expect(yearStatus(y(2029, false, false))).toMatch(/^Chưa có lịch/);
    expect(dayCount(y(2029, false, false))).toBe('chưa ghi ngày nào');
    expect(dayCount(y(2026, true, true, 3))).toBe('3 ngày');
  });

});

describe('weekdayOf', () => {
  it('names the day of the week', () => {
    expect(weekdayOf('2028-01-01')).toBe('Thứ Bảy');
    expect(weekdayOf('2026-09-02')).toBe('Thứ Tư');
    expect(weekdayOf('2027-02-07')).toBe('Chủ nhật');
  });
  it('says nothing for what is not a date', () => {
    expect(weekdayOf(null)).toBe('');
    expect(weekdayOf('01/01/2028')).toBe('');
  });
});

describe('checking a year before it is saved', () => {
  const tet = (d: string, kind: CalendarRow['kind'] = 'holiday') => row(d, 'Tết Nguyên đán (mùng 1 Tết)', kind);
  it('says nothing until a day is typed', () => {
    expect(calendarWarnings(2028, [blankRow()])).toEqual([]);
  });
  it('warns of a year without Tết Nguyên đán', () => {
    const rows = ['01/01', '14/04', '30/04', '01/05', '02/09', '03/09'].map((d) => row(`${d}/2028`, 'Ngày lễ'));
    expect(calendarWarnings(2028, rows)).toEqual(['Năm 2028 chưa có Tết Nguyên đán: kiểm tra lại trước khi lưu.']);
  });
  it('warns of fewer than 5 days off in all (make-up working days do not count)', () => {
    const rows = [tet('26/01/2028'), tet('27/01/2028'), row('29/01/2028', 'Làm bù Tết', 'swap_work'), row('01/01/2028')];
    expect(calendarWarnings(2028, rows)).toEqual([
      'Năm 2028 mới có 3 ngày nghỉ (lễ, Tết, nghỉ bù); một năm thường có khoảng 20 ngày: kiểm tra lại trước khi lưu.',
    ]);
    expect(calendarWarnings(2028, [row('01/01/2028')])).toHaveLength(2);
  });
  it('is quiet for a full year', () => {
    const rows = [row('01/01/2028'), ...['25/01', '26/01', '27/01', '28/01', '29/01'].map((d) => tet(`${d}/2028`)), row('30/04/2028', 'Ngày Chiến thắng')];
    expect(calendarWarnings(2028, rows)).toEqual([]);
  });
  it('knows Tết Nguyên đán by name, typed with or without accents, and not Tết Dương lịch', () => {
    expect(isLunarNewYear('Nghỉ Tết Âm lịch')).toBe(true);
    expect(isLunarNewYear('tet nguyen dan')).toBe(true);
    expect(isLunarNewYear('Nghỉ bù Tết Nguyên đán (mùng 4 Tết)')).toBe(true);
    expect(isLunarNewYear('Tết Dương lịch')).toBe(false);
    expect(isLunarNewYear('Ngày Chiến thắng')).toBe(false);
  });
});

describe('after a year is saved', () => {
  const saved: CalendarYear = { year: 2028, known: true, shipped: false, edited: true, forecast: false, days: [{ date: '2028-01-01', kind: 'holiday', name: 'Tết Dương lịch' }] };
  it('says deadlines can now be counted only for a year that was not known', () => {
    expect(savedYearMessage(saved, false)).toBe('Đã lưu lịch năm 2028: 1 ngày. Thời hạn trong năm 2028 nay đã tính được.');
    expect(savedYearMessage(saved, true)).toBe('Đã lưu lịch năm 2028: 1 ngày.');
  });
  it('says a forecast year is forecast', () => {
    expect(shippedNote({ ...saved, shipped: true, edited: false, forecast: true })).toMatch(/^Lịch dự kiến/);
    expect(shippedNote({ ...saved, shipped: true, edited: false })).toMatch(/^Lịch có sẵn theo thông báo chính thức/);
  });
});
