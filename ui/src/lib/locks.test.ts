import { describe, expect, it } from 'vitest';
import type { PeriodLock } from './bindings/PeriodLock';
import { adjustmentsText, lockBanner, lockNotYet, lockNoteText, lockOf, lockRows, lockedOn, overlapNote, overlapping } from './locks';

const lock = (patch: Partial<PeriodLock> = {}): PeriodLock => ({
  id: 'l1',
  from: '2026-06-15',
  to: '2026-09-14',
  label: 'Quý III năm 2026',
  report_no: '25/BC-UBND',
  // Midday UTC: the same day in any office's time zone.
  locked_at: '2026-09-16T12:00:00Z',
  adjustments: 0,
  ...patch,
});

describe('the note under a date in a locked period', () => {
  it('names the period and says the change is an adjustment', () => {
    expect(lockNoteText([lock()])).toBe(
      'Ngày này thuộc kỳ đã khóa (Quý III năm 2026): thay đổi sẽ được ghi là điều chỉnh số liệu kỳ trước.',
    );
  });
  it('names every period once, and says nothing outside them', () => {
    expect(lockNoteText([lock(), lock({ id: 'l2', label: '9 tháng năm 2026' }), lock({ id: 'l3' })])).toBe(
      'Ngày này thuộc kỳ đã khóa (Quý III năm 2026, 9 tháng năm 2026): thay đổi sẽ được ghi là điều chỉnh số liệu kỳ trước.',
    );
    expect(lockNoteText([])).toBeNull();
  });
});

describe('the locks of Tổng hợp', () => {
  it('finds the lock of exactly the period shown', () => {
    expect(lockOf([lock()], { from: '2026-06-15', to: '2026-09-14' })?.id).toBe('l1');
    expect(lockOf([lock()], { from: '2026-06-15', to: '2026-09-13' })).toBeNull();
    expect(lockOf([lock()], null)).toBeNull();
  });
  it('says when the period shares days with another locked one', () => {
    const o = overlapping([lock()], { from: '2026-09-01', to: '2026-09-30' });
    expect(o.map((l) => l.id)).toEqual(['l1']);
    expect(overlapping([lock()], { from: '2026-06-15', to: '2026-09-14' })).toEqual([]);
    expect(overlapping([lock()], { from: '2026-09-15', to: '2026-12-14' })).toEqual([]);
    expect(overlapNote(o)).toBe('Một phần kỳ này thuộc kỳ đã khóa (Quý III năm 2026).');
    expect(overlapNote([])).toBeNull();
  });
  it('writes the banner with the day of the lock', () => {
    expect(lockedOn('2026-09-16T12:00:00Z')).toBe('16/09/2026');
    expect(lockBanner(lock())).toBe('Kỳ này đã khóa ngày 16/09/2026; thay đổi sau đó được ghi là điều chỉnh.');
  });
  it('lists the locks, latest period first', () => {
    const rows = lockRows([lock(), lock({ id: 'l4', from: '2026-09-15', to: '2026-12-14', label: 'Quý IV năm 2026', report_no: null, adjustments: 3 })]);
    expect(rows.map((r) => r.label)).toEqual(['Quý IV năm 2026', 'Quý III năm 2026']);
    expect(rows[0]).toMatchObject({ dates: '15/09/2026 – 14/12/2026', reportNo: '', adjustments: '3 thay đổi' });
    expect(rows[1]).toMatchObject({ reportNo: '25/BC-UBND', lockedOn: '16/09/2026', adjustments: 'Chưa có' });
    expect(adjustmentsText(1)).toBe('1 thay đổi');
  });
});

describe('lockNotYet', () => {
  const range = { from: '2026-11-01', to: '2026-11-30' };
  it('says when a period not over can be locked, across a month and a year', () => {
    expect(lockNotYet(range, '2026-11-30')).toBe(
      'Kỳ này chưa hết (số liệu tính đến hết ngày 30/11/2026): khóa được từ ngày 01/12/2026, khi đã gửi báo cáo.',
    );
    expect(lockNotYet({ from: '2026-12-15', to: '2027-12-14' }, '2026-12-20')).toContain('khóa được từ ngày 15/12/2027');
    expect(lockNotYet({ from: '2026-12-01', to: '2026-12-31' }, '2026-12-01')).toContain('khóa được từ ngày 01/01/2027');
  });
  it('is silent from the day after the period', () => {
    expect(lockNotYet(range, '2026-12-01')).toBeNull();
  });
});
