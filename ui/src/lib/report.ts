// Shape of the summary tables. The figures and the labels of the host groups, petition
// kinds and sources come from the core; this only says which figure goes in which cell.
import type { BlockTotals } from './bindings/BlockTotals';
import type { Choice } from './bindings/Choice';
import type { PeriodReport } from './bindings/PeriodReport';
import { labelOf } from './catalogue';

export type BlockKey = 'chairman' | 'deputy' | 'officer' | 'reception' | 'council';
export type ColumnKey =
  | 'sessions'
  | 'reception_days'
  | 'visits'
  | 'people'
  | 'cases'
  | 'cases_first'
  | 'cases_repeat'
  | 'delegations'
  | 'delegation_people'
  | 'petitions';

/** Row order of "Kết quả tiếp công dân": the 01/TCD blocks, their total, then HĐND. */
export const BLOCK_ROWS: BlockKey[] = ['chairman', 'deputy', 'officer', 'reception', 'council'];

export const COLUMNS: { key: ColumnKey; label: string }[] = [
  { key: 'sessions', label: 'Số buổi' },
  { key: 'reception_days', label: 'Số ngày tiếp' },
  { key: 'visits', label: 'Lượt' },
  { key: 'people', label: 'Người' },
  { key: 'cases', label: 'Vụ việc' },
  { key: 'cases_first', label: 'Lần đầu' },
  { key: 'cases_repeat', label: 'Nhiều lần' },
  { key: 'delegations', label: 'Đoàn đông người' },
  { key: 'delegation_people', label: 'Người trong đoàn' },
  { key: 'petitions', label: 'Đơn qua tiếp dân' },
];

export const RECEPTION_TOTAL_LABEL = 'Tổng cộng (01/TCD)';

export function rowLabel(key: BlockKey, hostGroups: Choice[]): string {
  return key === 'reception' ? RECEPTION_TOTAL_LABEL : labelOf(hostGroups, key);
}

export function cellValue(block: BlockTotals, col: ColumnKey): number {
  return col === 'petitions' ? block.petitions_at_visits.total : block[col];
}

export function blockOf(report: PeriodReport, key: BlockKey): BlockTotals {
  return report[key];
}

/** Columns of "Đơn tiếp nhận trong kỳ": the catalogue's kinds (or sources), then the total. */
export function countColumns(choices: Choice[]): { code: string; label: string }[] {
  return [...choices.map((c) => ({ code: c.code, label: c.label })), { code: 'total', label: 'Tổng' }];
}

export function countValue(counts: object, code: string): number {
  const v = (counts as Record<string, unknown>)[code];
  return typeof v === 'number' ? v : 0;
}

/** What "Sao chép" puts on the clipboard: the sentences, one a line. */
export function copyText(sentences: string[]): string {
  return sentences.map((s) => s.trim()).filter((s) => s !== '').join('\n');
}
