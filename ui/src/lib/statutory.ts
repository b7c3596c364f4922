// The statutory tables (01/TCD … 06/QLKNTC) and the Sổ as the screen draws them: the
// header grid from the core's cells, figures written the core's way, the checks in the
// order an officer reads them. Every label, figure and verdict comes from the core.
import type { Check } from './bindings/Check';
import type { FormTable } from './bindings/FormTable';
import type { HeaderCell } from './bindings/HeaderCell';
import type { RegisterBook } from './bindings/RegisterBook';
import { groupDigits } from './queue';

/** What the print view shows: the Sổ of the period, or one table. */
export type PrintDoc = { kind: 'register'; book: RegisterBook } | { kind: 'table'; table: FormTable };

/** One cell of the header as a <th>: where it sits, what it spans, what its tooltip says. */
export interface GridCell {
  key: string;
  label: string;
  rowspan: number;
  colspan: number;
  /** The numbered column under this cell when it is a leaf (1..N), else null. */
  no: number | null;
  /** The tooltip: a leaf's full path ("Tiếp thường xuyên › Số lượt tiếp"), else its label. */
  title: string;
  /** The "Đơn vị" cell (column 0 of a table), kept in view while the table scrolls. */
  unit: boolean;
}

/**
 * The header grid, row by row, each row's cells from left to right. `paths` are the
 * numbered columns' full paths (index 0 is column 1); `firstNo` is the header column that
 * holds column 1: 1 for a table (column 0 is "Đơn vị"), 0 for the Sổ.
 */
export function headerGrid(header: HeaderCell[], headerRows: number, paths: string[], firstNo: 0 | 1): GridCell[][] {
  const height = Math.max(headerRows, ...header.map((c) => c.row + c.rows), 0);
  const rows: GridCell[][] = Array.from({ length: height }, () => []);
  const sorted = [...header].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const c of sorted) {
    const leaf = c.cols === 1 && c.row + c.rows === height;
    const unit = firstNo === 1 && c.col === 0;
    const no = leaf && !unit ? c.col - firstNo + 1 : null;
    const path = no !== null ? paths[no - 1] : undefined;
    rows[c.row].push({
      key: `${c.row}:${c.col}`,
      label: c.label,
      rowspan: Math.max(1, c.rows),
      colspan: Math.max(1, c.cols),
      no,
      title: path ? `(${no}) ${path}` : c.label,
      unit,
    });
  }
  return rows;
}

/**
 * A figure as the core writes it (`format_value`): a whole number without decimals, else
 * at most two decimals with a decimal comma; thousands grouped with dots ("1.234,5").
 */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return '';
  const plain =
    Number.isInteger(v) && Math.abs(v) < 1e15
      ? String(Math.abs(v))
      : Math.abs(v)
          .toFixed(2)
          .replace(/0+$/, '')
          .replace(/\.$/, '');
  const [whole, decimals] = plain.split('.');
  const sign = v < 0 && plain !== '0' ? '-' : '';
  return sign + groupDigits(Number(whole)) + (decimals ? `,${decimals}` : '');
}

export type CheckTone = 'error' | 'warn';

export interface CheckLine {
  tone: CheckTone;
  /** "Lỗi" (stops the file) or "Lưu ý". */
  tag: string;
  text: string;
}

export interface ChecksView {
  /** Records to correct and failed checks: blocking ones first. */
  lines: CheckLine[];
  passed: number;
  total: number;
  /** "Các phép kiểm tra đều đạt (n)" when nothing failed and no record waits. */
  allPassed: string | null;
  /** Under the lines: how many checks passed, and whether what failed stops the file. */
  hint: string | null;
}

/** What to say under a table: what to correct first, or one line when all is well. */
export function checksView(checks: Check[], issues: string[]): ChecksView {
  const failed = checks.filter((c) => !c.ok);
  const blocking = failed.filter((c) => c.blocking);
  const soft = failed.filter((c) => !c.blocking);
  const lines: CheckLine[] = [
    ...issues.map((text) => ({ tone: 'error' as const, tag: 'Lỗi', text })),
    ...blocking.map((c) => ({ tone: 'error' as const, tag: 'Lỗi', text: c.message })),
    ...soft.map((c) => ({ tone: 'warn' as const, tag: 'Lưu ý', text: c.message })),
  ];
  const passed = checks.length - failed.length;
  const stops = issues.length > 0 || blocking.length > 0;
  const counted = checks.length > 0 ? `${passed}/${checks.length} phép kiểm tra đạt. ` : '';
  const hint =
    lines.length === 0
      ? null
      : stops
        ? `${counted}Biểu có “Lỗi” chưa xuất được tệp và chưa khóa được kỳ.`
        : `${counted}“Lưu ý” không chặn việc xuất tệp và khóa kỳ.`;
  return {
    lines,
    passed,
    total: checks.length,
    allPassed: lines.length === 0 ? `Các phép kiểm tra đều đạt (${checks.length})` : null,
    hint,
  };
}

/** Whether a table can be written to a file as it stands (no record to correct, no "Lỗi"). */
export function sendable(t: Pick<FormTable, 'checks' | 'issues'>): boolean {
  return t.issues.length === 0 && t.checks.every((c) => c.ok || !c.blocking);
}

/** What stops the tables from being sent, each line naming its table ("01/TCD: …"). */
export function blockingFailures(tables: Pick<FormTable, 'code' | 'checks' | 'issues'>[]): string[] {
  return tables.flatMap((t) => [
    ...t.issues.map((i) => `${t.code}: ${i}`),
    ...t.checks.filter((c) => c.blocking && !c.ok).map((c) => `${t.code}: ${c.message}`),
  ]);
}

/** The tables whose figures are partly typed by hand (03/GQKN … 06/QLKNTC). */
export function hasManualColumns(t: Pick<FormTable, 'columns'>): boolean {
  return t.columns.some((c) => c.source !== 'register');
}

/** The width of an A4 landscape sheet's text (297 mm less two 12 mm margins), in CSS px. */
export const PRINT_WIDTH_PX = ((297 - 2 * 12) / 25.4) * 96;

/**
 * The zoom that fits a table `natural` px wide into `available` px: 1 when it fits, else
 * smaller (rounded down, so the table never runs off the sheet); 1 when nothing is known.
 */
export function fitScale(natural: number, available: number): number {
  if (!(natural > 0) || !(available > 0) || natural <= available) return 1;
  return Math.floor((available / natural) * 1000) / 1000;
}
