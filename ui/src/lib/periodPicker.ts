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

/** The day number of an ISO date (days since 1970-01-01), or null. */
function dayNumber(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000);
}

/** The year of an ISO date ("2026-12-20" → 2026), or the clock's. */
export function yearOf(todayIso: string): number {
  const m = /^(\d{4})-/.exec(todayIso);
  return m ? Number(m[1]) : new Date().getFullYear();
}

/** The years whose period of a kind the picker weighs: last year, this year, next year. */
export const candidateYears = (todayIso: string): number[] => [yearOf(todayIso) - 1, yearOf(todayIso), yearOf(todayIso) + 1];

/** A statutory period of one kind in one year, as the core dates it (`reportingPeriod`). */
export interface YearPeriod {
  year: number;
  range: PeriodRange;
}

/** A period in progress is the default once it is more than this many days old. */
export const STARTED_DAYS = 31;

/**
 * The year a statutory period opens on: the period of that kind that holds today when it
 * began more than 31 days ago (its figures already mean something), else the latest one
 * that has ended. On 20/12/2026 Quý IV → 2026 (15/09–14/12/2026), Năm → 2026
 * (15/12/2025–14/12/2026; Năm 2027 began 5 days ago); on 20/10/2026 Quý IV → 2026 (in
 * progress). `candidates` are the periods of `candidateYears(today)`; null when none fits.
 */
export function defaultPeriodYear(todayIso: string, candidates: YearPeriod[]): number | null {
  const today = dayNumber(todayIso);
  if (today === null) return null;
  let ended: YearPeriod | null = null;
  for (const c of candidates) {
    const from = dayNumber(c.range.from);
    const to = dayNumber(c.range.to);
    if (from === null || to === null) continue;
    if (from <= today && today <= to && today - from > STARTED_DAYS) return c.year;
    if (to < today && (ended === null || c.range.to > ended.range.to)) ended = c;
  }
  return ended?.year ?? null;
}

export type PeriodStatus = 'future' | 'current' | 'past';

/** Whether a period is still to come, in progress (holds today) or over. */
export function periodStatus(range: PeriodRange, todayIso: string): PeriodStatus {
  if (todayIso < range.from) return 'future';
  if (todayIso <= range.to) return 'current';
  return 'past';
}

/** The note beside a period's figures when it is not over: nothing, or why they are few. */
export function periodStatusNote(range: PeriodRange, todayIso: string): string | null {
  switch (periodStatus(range, todayIso)) {
    case 'future':
      return 'Kỳ này chưa bắt đầu: chưa có số liệu.';
    case 'current':
      return 'Kỳ này chưa kết thúc: số liệu tính đến hôm nay.';
    default:
      return null;
  }
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

/**
 * Where the report (Mẫu 02, Word) is when the chosen period has none: a quarter without
 * one (Quý II, III, IV) is inside the report of a longer period; any other period (this
 * month, dates of one's own…) is told which periods have it. Null where it is offered.
 */
export function reportPlaceNote(choice: PeriodChoice): string | null {
  if (reportOffered(choice)) return null;
  if (choice.kind === 'statutory' && choice.code.startsWith('quy-')) {
    return 'Báo cáo Mẫu 02 (Word) lập cho Quý I, 6 tháng, 9 tháng và Năm; số liệu quý này nằm trong báo cáo của kỳ đó.';
  }
  return 'Báo cáo Mẫu 02 (Word) lập cho các kỳ Quý I, 6 tháng, 9 tháng và Năm: chọn một kỳ ấy ở “Kỳ báo cáo” để xuất.';
}

/** Why the files, print views and the lock wait while dates typed are not yet applied. */
export const NOT_APPLIED =
  'Bấm Xem tổng hợp để lấy số liệu của kỳ mới chọn trước khi xuất.';

/** Why no file or print view is made of a period that has not begun. */
export const NOT_BEGUN = 'Kỳ này chưa bắt đầu: chưa có tệp hay bản in nào để xuất.';

/**
 * Whether the files and print views wait, and why in one line when the officer has to act:
 * while figures are read or a period picked; dates typed not applied yet; a period not begun
 * (its report would be dated before it; the core refuses it too).
 */
export function exportHold(
  shown: PeriodRange | null,
  todayIso: string,
  state: { pendingDates: boolean; busy: boolean; picking: boolean },
): { held: boolean; reason: string | null } {
  const { pendingDates, busy, picking } = state;
  if (busy || picking) return { held: true, reason: null };
  if (pendingDates) return { held: true, reason: NOT_APPLIED };
  if (shown && periodStatus(shown, todayIso) === 'future') return { held: true, reason: NOT_BEGUN };
  return { held: false, reason: null };
}

/** The same, over "Khóa số liệu kỳ này". */
export const NOT_APPLIED_LOCK = 'Bấm Xem tổng hợp để lấy số liệu của kỳ mới chọn trước khi khóa.';

/** Whether the dates typed in the picker are other than those of the figures on screen. */
export function datesPending(shown: PeriodRange | null, from: string, to: string): boolean {
  if (!shown) return false;
  return parseDate(from) !== shown.from || parseDate(to) !== shown.to;
}
