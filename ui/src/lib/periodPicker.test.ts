import { describe, expect, it } from 'vitest';
import {
  choiceValue,
  cutoffEdited,
  dataLine,
  defaultReportYear,
  parseChoice,
  periodGroups,
  periodName,
  readYear,
  reportOffered,
} from './periodPicker';

const PERIODS = [
  { code: 'quy-1', label: 'Quý I' },
  { code: 'quy-4', label: 'Quý IV' },
  { code: '6-thang', label: '6 tháng' },
  { code: '9-thang', label: '9 tháng' },
  { code: 'nam', label: 'Năm' },
];
const PRESETS = [
  { code: 'today', label: 'Hôm nay' },
  { code: 'this_month', label: 'Tháng này' },
];

describe('the choices of "Kỳ báo cáo"', () => {
  it('groups the statutory periods, then the presets and "Tùy chọn"', () => {
    const g = periodGroups(PERIODS, PRESETS);
    expect(g.map((x) => x.label)).toEqual(['Kỳ báo cáo theo Thông tư 06/2025/TT-TTCP', 'Khoảng ngày']);
    expect(g[0].options[1]).toEqual({ value: 'period:quy-4', label: 'Quý IV' });
    expect(g[1].options.map((o) => o.label)).toEqual(['Hôm nay', 'Tháng này', 'Tùy chọn']);
  });

  it('reads back what a value is', () => {
    expect(parseChoice('period:quy-4')).toEqual({ kind: 'statutory', code: 'quy-4' });
    expect(parseChoice('preset:this_month')).toEqual({ kind: 'preset', code: 'this_month' });
    expect(parseChoice('custom')).toEqual({ kind: 'custom' });
    expect(parseChoice(choiceValue({ kind: 'statutory', code: 'nam' }))).toEqual({ kind: 'statutory', code: 'nam' });
  });
});

describe('defaultReportYear', () => {
  it("is today's year up to 14/12, the next one after (Quý I starts 15/12)", () => {
    expect(defaultReportYear('2026-03-10')).toBe(2026);
    expect(defaultReportYear('2026-12-14')).toBe(2026);
    expect(defaultReportYear('2026-12-15')).toBe(2027);
    expect(defaultReportYear('2026-12-31')).toBe(2027);
  });
});

describe('readYear', () => {
  it('takes four digits only', () => {
    expect(readYear('2026')).toBe(2026);
    expect(readYear(' 2027 ')).toBe(2027);
    expect(readYear(2026)).toBe(2026);
    expect(readYear('26')).toBeNull();
    expect(readYear('')).toBeNull();
    expect(readYear('20266')).toBeNull();
  });
});

describe('periodName', () => {
  const range = { from: '2026-10-01', to: '2026-10-31' };
  it('names a statutory period with its year', () => {
    expect(periodName({ kind: 'statutory', code: 'quy-4' }, 'Quý IV', 2026, null)).toBe('Quý IV năm 2026');
    expect(periodName({ kind: 'statutory', code: '6-thang' }, '6 tháng', 2026, null)).toBe('6 tháng đầu năm 2026');
    expect(periodName({ kind: 'statutory', code: '9-thang' }, '9 tháng', 2026, null)).toBe('9 tháng năm 2026');
    expect(periodName({ kind: 'statutory', code: 'nam' }, 'Năm', 2026, null)).toBe('Năm 2026');
  });
  it('names other periods by their dates', () => {
    expect(periodName({ kind: 'custom' }, 'Tùy chọn', null, range)).toBe('Từ 01/10/2026 đến 31/10/2026');
    expect(periodName({ kind: 'preset', code: 'this_month' }, 'Tháng này', null, range)).toBe('Từ 01/10/2026 đến 31/10/2026');
  });
});

describe('cutoffEdited', () => {
  const q4 = { from: '2026-09-15', to: '2026-12-14' };
  it('is false while the dates are the period’s own', () => {
    expect(cutoffEdited(q4, '15/09/2026', '14/12/2026')).toBe(false);
    expect(cutoffEdited(q4, '15/9/2026', '14.12.2026')).toBe(false);
    expect(cutoffEdited(null, '01/01/2026', '02/01/2026')).toBe(false);
  });
  it('is true once a date differs (or cannot be read)', () => {
    expect(cutoffEdited(q4, '15/09/2026', '10/12/2026')).toBe(true);
    expect(cutoffEdited(q4, '', '14/12/2026')).toBe(true);
  });
});

describe('dataLine and reportOffered', () => {
  it('writes the cut-off dates', () => {
    expect(dataLine({ from: '2026-09-15', to: '2026-12-14' })).toBe('Số liệu tính từ 15/09/2026 đến 14/12/2026');
  });
  it('offers the report for Quý I, 6 tháng, 9 tháng and Năm only', () => {
    const offered = ['quy-1', 'quy-2', 'quy-3', 'quy-4', '6-thang', '9-thang', 'nam'].filter((code) =>
      reportOffered(parseChoice(`period:${code}`)),
    );
    expect(offered).toEqual(['quy-1', '6-thang', '9-thang', 'nam']);
    expect(reportOffered({ kind: 'custom' })).toBe(false);
    expect(reportOffered({ kind: 'preset', code: 'this_month' })).toBe(false);
  });
});
