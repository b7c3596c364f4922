import { describe, expect, it } from 'vitest';
import type { Check } from './bindings/Check';
import type { HeaderCell } from './bindings/HeaderCell';
import { blockingFailures, checksView, fitScale, formatValue, hasManualColumns, headerGrid, PRINT_WIDTH_PX, sendable } from './statutory';

// The first columns of 01/TCD as the core sends them.
const TCD: HeaderCell[] = [
  { row: 0, col: 0, rows: 4, cols: 1, label: 'Đơn vị' },
  { row: 0, col: 1, rows: 4, cols: 1, label: 'Tổng số lượt tiếp' },
  { row: 0, col: 2, rows: 1, cols: 4, label: 'Tiếp thường xuyên' },
  { row: 1, col: 2, rows: 3, cols: 1, label: 'Số lượt tiếp' },
  { row: 1, col: 3, rows: 3, cols: 1, label: 'Số người được tiếp' },
  { row: 1, col: 4, rows: 1, cols: 2, label: 'Trong đó đoàn đông người' },
  { row: 2, col: 5, rows: 2, cols: 1, label: 'Số người được tiếp' },
  { row: 2, col: 4, rows: 2, cols: 1, label: 'Số đoàn được tiếp' },
];
const PATHS = [
  'Tổng số lượt tiếp',
  'Tiếp thường xuyên › Số lượt tiếp',
  'Tiếp thường xuyên › Số người được tiếp',
  'Tiếp thường xuyên › Trong đó đoàn đông người › Số đoàn được tiếp',
  'Tiếp thường xuyên › Trong đó đoàn đông người › Số người được tiếp',
];

describe('headerGrid', () => {
  it('lays the cells row by row, left to right, with their spans', () => {
    const g = headerGrid(TCD, 4, PATHS, 1);
    expect(g).toHaveLength(4);
    expect(g.map((r) => r.map((c) => c.label))).toEqual([
      ['Đơn vị', 'Tổng số lượt tiếp', 'Tiếp thường xuyên'],
      ['Số lượt tiếp', 'Số người được tiếp', 'Trong đó đoàn đông người'],
      ['Số đoàn được tiếp', 'Số người được tiếp'],
      [],
    ]);
    const [unit, total, group] = g[0];
    expect([unit.rowspan, unit.colspan, unit.unit, unit.no]).toEqual([4, 1, true, null]);
    expect([total.rowspan, total.no]).toEqual([4, 1]);
    expect([group.rowspan, group.colspan, group.no, group.title]).toEqual([1, 4, null, 'Tiếp thường xuyên']);
  });

  it('numbers the leaves and gives each its full path as a tooltip', () => {
    const g = headerGrid(TCD, 4, PATHS, 1);
    const leaves = g.flat().filter((c) => c.no !== null);
    expect(leaves.map((c) => c.no).sort()).toEqual([1, 2, 3, 4, 5]);
    const delegations = leaves.find((c) => c.no === 4);
    expect(delegations?.title).toBe('(4) Tiếp thường xuyên › Trong đó đoàn đông người › Số đoàn được tiếp');
    expect(g[1].find((c) => c.label === 'Trong đó đoàn đông người')?.no).toBeNull();
  });

  it('counts the Sổ from its header column 0 (it has no "Đơn vị")', () => {
    const reg: HeaderCell[] = [
      { row: 0, col: 0, rows: 2, cols: 1, label: 'STT' },
      { row: 0, col: 1, rows: 1, cols: 2, label: 'Hướng xử lý' },
      { row: 1, col: 1, rows: 1, cols: 1, label: 'Thụ lý' },
      { row: 1, col: 2, rows: 1, cols: 1, label: 'Chuyển đơn' },
    ];
    const g = headerGrid(reg, 2, ['STT', 'Thụ lý', 'Chuyển đơn'], 0);
    expect(g[0][0]).toMatchObject({ no: 1, unit: false, title: '(1) STT' });
    expect(g[1].map((c) => c.no)).toEqual([2, 3]);
  });

  it('is as high as its cells reach, whatever header_rows says', () => {
    expect(headerGrid(TCD, 2, PATHS, 1)).toHaveLength(4);
  });
});

describe('formatValue', () => {
  it('writes whole numbers without decimals', () => {
    expect(formatValue(0)).toBe('0');
    expect(formatValue(88)).toBe('88');
    expect(formatValue(1500)).toBe('1.500');
    expect(formatValue(-1234567)).toBe('-1.234.567');
  });
  it('groups the thousands as the core does', () => {
    expect(formatValue(1234.5)).toBe('1.234,5');
    expect(formatValue(999.999)).toBe('1.000');
    expect(formatValue(-0.001)).toBe('0');
  });
  it('writes a decimal comma, two decimals at most, no trailing zeros', () => {
    expect(formatValue(12.5)).toBe('12,5');
    expect(formatValue(0.25)).toBe('0,25');
    expect(formatValue(3.14159)).toBe('3,14');
    expect(formatValue(2.999)).toBe('3');
    expect(formatValue(1.1)).toBe('1,1');
  });
});

const check = (rule: string, ok: boolean, blocking: boolean): Check => ({
  rule,
  ok,
  blocking,
  message: ok ? `Đúng: ${rule}.` : `Sai: ${rule}.`,
});

describe('checksView', () => {
  it('says one line when every check passes', () => {
    const v = checksView([check('(1) = (5)', true, true), check('(8) ≤ (5)', true, false)], []);
    expect(v.lines).toEqual([]);
    expect(v.allPassed).toBe('Các phép kiểm tra đều đạt (2)');
  });

  it('lists records to correct, then blocking failures, then the others', () => {
    const v = checksView(
      [check('(8) ≤ (5)', false, false), check('(1) = (5)', true, true), check('(2) = (6)', false, true)],
      ['Đơn số 3/2026 nhiều nội dung chưa ghi các nội dung.'],
    );
    expect(v.lines).toEqual([
      { tone: 'error', tag: 'Lỗi', text: 'Đơn số 3/2026 nhiều nội dung chưa ghi các nội dung.' },
      { tone: 'error', tag: 'Lỗi', text: 'Sai: (2) = (6).' },
      { tone: 'warn', tag: 'Lưu ý', text: 'Sai: (8) ≤ (5).' },
    ]);
    expect(v.allPassed).toBeNull();
    expect([v.passed, v.total]).toEqual([1, 3]);
    expect(v.hint).toBe('1/3 phép kiểm tra đạt. Biểu có “Lỗi” chưa xuất được tệp và chưa khóa được kỳ.');
  });

  it('does not say the table is stopped when only notes failed', () => {
    const v = checksView([check('(1) = (5)', true, true), check('(7) ≤ (4)', false, false)], []);
    expect(v.lines).toEqual([{ tone: 'warn', tag: 'Lưu ý', text: 'Sai: (7) ≤ (4).' }]);
    expect(v.hint).toBe('1/2 phép kiểm tra đạt. “Lưu ý” không chặn việc xuất tệp và khóa kỳ.');
    expect(checksView([check('(1) = (5)', true, true)], []).hint).toBeNull();
    expect(checksView([], ['Đơn số 3/2026 …']).hint).toBe('Biểu có “Lỗi” chưa xuất được tệp và chưa khóa được kỳ.');
  });
});

describe('sendable and blockingFailures', () => {
  it('a soft failure does not stop the file; a blocking one or an issue does', () => {
    expect(sendable({ checks: [check('a', false, false)], issues: [] })).toBe(true);
    expect(sendable({ checks: [check('a', false, true)], issues: [] })).toBe(false);
    expect(sendable({ checks: [], issues: ['x'] })).toBe(false);
  });
  it('names the table of each failure', () => {
    expect(
      blockingFailures([
        { code: '01/TCD', checks: [check('(1) = (5)', false, true), check('(8) ≤ (5)', false, false)], issues: [] },
        { code: '02/XLD', checks: [], issues: ['Đơn số 3/2026 …'] },
      ]),
    ).toEqual(['01/TCD: Sai: (1) = (5).', '02/XLD: Đơn số 3/2026 …']);
  });
});

describe('hasManualColumns', () => {
  const col = (source: 'register' | 'manual' | 'register_plus_manual') => ({
    no: 1,
    label: '',
    path: '',
    ms: '1',
    source,
    manual_label: null,
    unit: null,
  });
  it('is true for a table with a column typed by hand', () => {
    expect(hasManualColumns({ columns: [col('register')] })).toBe(false);
    expect(hasManualColumns({ columns: [col('register'), col('manual')] })).toBe(true);
    expect(hasManualColumns({ columns: [col('register_plus_manual')] })).toBe(true);
  });
});

describe('fitScale', () => {
  it('shrinks a table wider than the sheet to its width, never beyond', () => {
    expect(fitScale(2000, 1000)).toBe(0.5);
    expect(fitScale(1500, 1000)).toBe(0.666);
    expect(fitScale(1500, 1000) * 1500).toBeLessThanOrEqual(1000);
  });
  it('leaves a table that fits, or one not measured, as it is', () => {
    expect(fitScale(800, 1000)).toBe(1);
    expect(fitScale(1000, 1000)).toBe(1);
    expect(fitScale(0, 1000)).toBe(1);
    expect(fitScale(1200, 0)).toBe(1);
  });
  it('knows the sheet: A4 landscape less 12 mm margins, about 1032 px', () => {
    expect(Math.round(PRINT_WIDTH_PX)).toBe(1032);
  });
});
