import { describe, expect, it } from 'vitest';
import {
  choiceValue,
  cutoffEdited,
  dataLine,
  candidateYears,
  datesPending,
  defaultPeriodYear,
  exportHold,
  NOT_APPLIED,
  NOT_BEGUN,
  periodStatus,
  periodStatusNote,
  reportPlaceNote,
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

// The periods as the core dates them (TT 06/2025, Điều 7): from the 15th of the month
// before to the 14th; Quý I of year N starts on 15/12 of N−1.
const pad = (n: number) => String(n).padStart(2, '0');
const d = (y: number, m: number, day: number) => `${y}-${pad(m)}-${pad(day)}`;
const PERIOD_MONTHS: Record<string, [number, number]> = {
  'quy-1': [12, 3],
  'quy-2': [3, 6],
  'quy-3': [6, 9],
  'quy-4': [9, 12],
  '6-thang': [12, 6],
  '9-thang': [12, 9],
  nam: [12, 12],
};
function periodOf(code: string, year: number) {
  const [fm, tm] = PERIOD_MONTHS[code];
  return { from: d(fm === 12 ? year - 1 : year, fm, 15), to: d(year, tm, 14) };
}
const yearFor = (code: string, today: string) =>
  defaultPeriodYear(
    today,
    candidateYears(today).map((year) => ({ year, range: periodOf(code, year) })),
  );

describe('defaultPeriodYear', () => {
  it('weighs last year, this year and next year', () => {
    expect(candidateYears('2026-12-20')).toEqual([2025, 2026, 2027]);
  });

  it('on 20/12/2026 opens on the periods just ended, never on next year’s', () => {
    expect(yearFor('quy-4', '2026-12-20')).toBe(2026);
    expect(yearFor('nam', '2026-12-20')).toBe(2026);
    expect(yearFor('6-thang', '2026-12-20')).toBe(2026);
    expect(yearFor('9-thang', '2026-12-20')).toBe(2026);
    expect(yearFor('quy-1', '2026-12-20')).toBe(2026);
  });

  it('takes the period in progress once it began more than 31 days ago', () => {
    // Quý IV 2026 began on 15/09/2026: 35 days before 20/10/2026.
    expect(yearFor('quy-4', '2026-10-20')).toBe(2026);
    expect(yearFor('quy-3', '2026-10-20')).toBe(2026);
    // Năm 2027 began 5 days before: Năm 2026, just ended.
    expect(yearFor('nam', '2026-12-20')).toBe(2026);
    // Năm 2026 began on 15/12/2025, 310 days before 20/10/2026.
    expect(yearFor('nam', '2026-10-20')).toBe(2026);
    // 31 days is not more than 31: the quarter before; 32 days is.
    expect(yearFor('quy-1', '2026-01-15')).toBe(2025);
    expect(yearFor('quy-1', '2026-01-16')).toBe(2026);
  });

  it('takes the latest period ended when none in progress is old enough', () => {
    // On 20/12/2025 Quý I 2026 (from 15/12/2025) is 5 days old: Quý I 2025, ended 14/03/2025.
    expect(yearFor('quy-1', '2025-12-20')).toBe(2025);
    expect(yearFor('quy-2', '2026-02-01')).toBe(2025);
  });

  it('is null when no period is known', () => {
    expect(defaultPeriodYear('2026-12-20', [])).toBeNull();
    expect(defaultPeriodYear('not a date', [{ year: 2026, range: periodOf('nam', 2026) }])).toBeNull();
  });
});

describe('periodStatus', () => {
  const q4 = { from: '2026-09-15', to: '2026-12-14' };
  it('says a period not begun and one in progress', () => {
    expect(periodStatus(q4, '2026-09-14')).toBe('future');
    expect(periodStatus(q4, '2026-09-15')).toBe('current');
    expect(periodStatus(q4, '2026-12-14')).toBe('current');
    expect(periodStatus(q4, '2026-12-15')).toBe('past');
    expect(periodStatusNote(q4, '2026-08-01')).toBe('Kỳ này chưa bắt đầu: chưa có số liệu.');
    expect(periodStatusNote(q4, '2026-10-20')).toBe('Kỳ này chưa kết thúc: số liệu tính đến hôm nay.');
    expect(periodStatusNote(q4, '2026-12-20')).toBeNull();
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

describe('reportPlaceNote', () => {
  it('says where the report of Quý II, III and IV is', () => {
    for (const code of ['quy-2', 'quy-3', 'quy-4']) {
      expect(reportPlaceNote(parseChoice(`period:${code}`))).toBe(
        'Báo cáo Mẫu 02 (Word) lập cho Quý I, 6 tháng, 9 tháng và Năm; số liệu quý này nằm trong báo cáo của kỳ đó.',
      );
    }
  });
  it('says nothing where the Word button is', () => {
    for (const code of ['quy-1', '6-thang', '9-thang', 'nam']) expect(reportPlaceNote(parseChoice(`period:${code}`))).toBeNull();
  });
  it('tells a month, a week or dates of one’s own which periods have the report', () => {
    const told = 'Báo cáo Mẫu 02 (Word) lập cho các kỳ Quý I, 6 tháng, 9 tháng và Năm: chọn một kỳ ấy ở “Kỳ báo cáo” để xuất.';
    expect(reportPlaceNote({ kind: 'custom' })).toBe(told);
    expect(reportPlaceNote({ kind: 'preset', code: 'this_month' })).toBe(told);
  });
});

describe('datesPending', () => {
  const shown = { from: '2026-09-15', to: '2026-12-14' };
  it('is false while the dates typed are those of the figures on screen', () => {
    expect(datesPending(shown, '15/09/2026', '14/12/2026')).toBe(false);
    expect(datesPending(null, '', '')).toBe(false);
  });
  it('is true once a date is edited and not applied', () => {
    expect(datesPending(shown, '15/09/2026', '31/12/2026')).toBe(true);
    expect(datesPending(shown, '', '14/12/2026')).toBe(true);
    expect(NOT_APPLIED).toBe('Bấm Xem tổng hợp để lấy số liệu của kỳ mới chọn trước khi xuất.');
  });
});

describe('exportHold', () => {
  const idle = { pendingDates: false, busy: false, picking: false };
  const q1 = { from: '2026-12-15', to: '2027-03-14' };
  it('holds the files of a period not begun, saying why', () => {
    expect(exportHold(q1, '2026-12-07', idle)).toEqual({ held: true, reason: NOT_BEGUN });
    expect(NOT_BEGUN).toBe('Kỳ này chưa bắt đầu: chưa có tệp hay bản in nào để xuất.');
  });
  it('lets a period be filed from its first day, and once it is over', () => {
    expect(exportHold(q1, '2026-12-15', idle)).toEqual({ held: false, reason: null });
    expect(exportHold(q1, '2027-04-01', idle)).toEqual({ held: false, reason: null });
  });
  it('asks for the dates typed to be applied first, and waits without a word while reading', () => {
    expect(exportHold(q1, '2026-12-20', { ...idle, pendingDates: true })).toEqual({ held: true, reason: NOT_APPLIED });
    expect(exportHold(q1, '2026-12-07', { ...idle, pendingDates: true })).toEqual({ held: true, reason: NOT_APPLIED });
    expect(exportHold(q1, '2026-12-20', { ...idle, busy: true })).toEqual({ held: true, reason: null });
    expect(exportHold(q1, '2026-12-20', { ...idle, picking: true })).toEqual({ held: true, reason: null });
    expect(exportHold(null, '2026-12-20', idle)).toEqual({ held: false, reason: null });
  });
});
