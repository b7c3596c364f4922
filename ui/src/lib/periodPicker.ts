// The period of Tổng hợp: a preset (today, this week…), a statutory reporting period of
// TT 06/2025 (Quý I … Năm, with its year) or dates of the officer's own. The dates of a
// statutory period are the core's (`reportingPeriod`); this only keeps the choice apart.
import type { Choice } from './bindings/Choice';
import type { PeriodRange } from './bindings/PeriodRange';
import type { ReportingPeriod } from './bindings/ReportingPeriod';
import { formatDate, parseDate } from './dates';

export type PeriodChoice =
  | { kind: 'preset'; code: string }
  | { kind: 'statutory'; code: ReportingPeriod }
  | { kind: 'custom' };

export const CUSTOM = 'custom';

/** The value of a choice in the <select>: "preset:this_month", "period:quy-4", "custom". */
export function choiceValue(c: PeriodChoice): string {
  if (c.kind === 'custom') return CUSTOM;
  return `${c.kind === 'preset' ? 'preset' : 'period'}:${c.code}`;
}

export function parseChoice(value: string): PeriodChoice {
  if (value.startsWith('preset:')) return { kind: 'preset', code: value.slice(7) };
  if (value.startsWith('period:')) return { kind: 'statutory', code: value.slice(7) as ReportingPeriod };
  return { kind: 'custom' };
}

export interface OptionGroup {
  label: string;
  options: { value: string; label: string }[];
}

/** The <select>'s groups: the statutory periods, then the presets and "Tùy chọn". */
export function periodGroups(reportingPeriods: Choice[], presets: Choice[]): OptionGroup[] {
  return [
    {
      label: 'Kỳ báo cáo theo Thông tư 06/2025/TT-TTCP',
      options: reportingPeriods.map((c) => ({ value: choiceValue({ kind: 'statutory', code: c.code as ReportingPeriod }), label: c.label })),
    },
    {
      label: 'Khoảng ngày',
      options: [
        ...presets.map((c) => ({ value: choiceValue({ kind: 'preset', code: c.code }), label: c.label })),
        { value: CUSTOM, label: 'Tùy chọn' },
      ],
    },
  ];
}

/**
 * The year a statutory period picker starts on: today's, or the next one after 14/12,
 * since Quý I (and 6 tháng, 9 tháng, năm) of year N starts on 15/12 of N−1.
 */
export function defaultReportYear(todayIso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(todayIso);
  if (!m) return new Date().getFullYear();
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month === 12 && day > 14 ? year + 1 : year;
}

/** A year typed in "Năm": four digits, else null. */
export function readYear(text: string | number): number | null {
  const t = String(text ?? '').trim();
  if (!/^\d{4}$/.test(t)) return null;
  const y = Number(t);
  return y >= 1900 && y <= 2999 ? y : null;
}

/**
 * The name of a period, as "Tên kỳ" of a lock starts: "Quý IV năm 2026", "6 tháng đầu
 * năm 2026", "9 tháng năm 2026", "Năm 2026"; dates of one's own: "Từ 01/10/2026 đến 31/10/2026".
 */
export function periodName(choice: PeriodChoice, label: string, year: number | null, range: PeriodRange | null): string {
  if (choice.kind === 'statutory' && year !== null) {
    switch (choice.code) {
      case 'nam':
        return `Năm ${year}`;
      case '6-thang':
        return `6 tháng đầu năm ${year}`;
      default:
        return `${label} năm ${year}`;
    }
  }
  if (range) return `Từ ${formatDate(range.from)} đến ${formatDate(range.to)}`;
  return label;
}

/** Whether the dates typed differ from the statutory period's own cut-off (ngày chốt). */
export function cutoffEdited(official: PeriodRange | null, from: string, to: string): boolean {
  if (!official) return false;
  return parseDate(from) !== official.from || parseDate(to) !== official.to;
}

/** "Số liệu tính từ 15/09/2026 đến 14/12/2026". */
export function dataLine(range: PeriodRange): string {
  return `Số liệu tính từ ${formatDate(range.from)} đến ${formatDate(range.to)}`;
}

/** The periods whose report (Mẫu số 02) is sent with the tables (TT 06/2025, Điều 4 k2). */
const REPORT_PERIODS: string[] = ['quy-1', '6-thang', '9-thang', 'nam'];

/** Whether "Xuất báo cáo (Word)" is offered for the chosen period. */
export function reportOffered(choice: PeriodChoice): boolean {
  return choice.kind === 'statutory' && REPORT_PERIODS.includes(choice.code);
}
