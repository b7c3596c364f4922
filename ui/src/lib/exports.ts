// The files of Tổng hợp (the Sổ, a table, the six tables, the report): which are offered,
// how far one is, and what to say when it ends. Writing them is the core's.
import type { ErrorDto } from './bindings/ErrorDto';
import type { ExportProgress } from './bindings/ExportProgress';
import type { FormId } from './bindings/FormId';
import { ErrorCode } from './bindings/ErrorCode';

export interface ExportButton {
  form: FormId;
  label: string;
}

/**
 * The export buttons: the Sổ, the table on screen (when one is), the six tables, and the
 * report (Mẫu số 02) only for the periods that send one.
 */
export function exportButtons(table: FormId | null, report: boolean): ExportButton[] {
  return [
    { form: 'so-tcd', label: 'Xuất Sổ tiếp công dân (Excel)' },
    ...(table ? [{ form: table, label: 'Xuất biểu này (Excel)' }] : []),
    { form: '6-bieu', label: 'Xuất cả 6 biểu (Excel)' },
    ...(report ? [{ form: 'bao-cao' as FormId, label: 'Xuất báo cáo (Word)' }] : []),
  ];
}

/** 0…100, or null while the total is not known. */
export function progressPercent(p: ExportProgress | null): number | null {
  if (!p || p.total <= 0) return null;
  return Math.max(0, Math.min(100, Math.round((p.done / p.total) * 100)));
}

export const CANCELLED_TEXT = 'Đã dừng, chưa ghi tệp nào.';

/** What an export that ended in a rejection says: stopped, or the core's message. */
export function exportFailure(e: ErrorDto): { stopped: boolean; message: string } {
  if (e.code === ErrorCode.Cancelled) return { stopped: true, message: CANCELLED_TEXT };
  return { stopped: false, message: e.message };
}

/** "Tệp được lưu vào …; đổi thư mục trong Cài đặt." */
export function folderLine(folder: string): string {
  return `Tệp được lưu vào ${folder}; đổi thư mục trong Cài đặt.`;
}
