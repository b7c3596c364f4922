// Errors as the UI handles them: every failure becomes an ErrorDto {code, field, message},
// whether the core sent it, the IPC layer failed, or the UI pre-checked a field.
import type { ErrorDto } from './bindings/ErrorDto';

export const NO_BACKEND_MESSAGE =
  'Không kết nối được với phần nền của Sổ Tiếp Dân. Hãy mở giao diện này từ phần mềm Sổ Tiếp Dân (không mở trực tiếp trong trình duyệt).';

function isErrorDto(value: unknown): value is ErrorDto {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === 'string' &&
    typeof v.message === 'string' &&
    (v.field === null || v.field === undefined || typeof v.field === 'string')
  );
}

/** Whatever a failed call rejected with, as an ErrorDto with a Vietnamese message. */
export function toErrorDto(value: unknown): ErrorDto {
  if (isErrorDto(value)) {
    return { code: value.code, field: value.field ?? null, message: value.message };
  }
  if (typeof value === 'string' && value.trim() !== '') {
    return { code: 'ipc', field: null, message: value };
  }
  if (value instanceof Error && value.message) {
    return { code: 'ipc', field: null, message: `Lỗi: ${value.message}` };
  }
  return { code: 'unknown', field: null, message: 'Đã xảy ra lỗi không rõ nguyên nhân.' };
}

/** An error the UI found itself before calling the core (e.g. a date it cannot read). */
export function localError(field: string | null, message: string): ErrorDto {
  return { code: 'invalid_input', field, message };
}

/** The message to show next to the input named `field`, if the error concerns it. */
export function fieldMessage(error: ErrorDto | null, field: string): string | null {
  if (!error || error.field === null) return null;
  return error.field === field ? error.message : null;
}

/** Whether `message` is already shown under an input (`fieldTexts`: the texts of the form's
 * field messages), so the form's banner need not repeat it. */
export function shownAtField(fieldTexts: Iterable<string>, message: string): boolean {
  const m = message.trim();
  if (m === '') return false;
  for (const t of fieldTexts) if (t.trim() === m) return true;
  return false;
}

export interface IndexedField {
  group: string;
  index: number;
  key: string;
}

/** "persons[1].id_number" → {group: "persons", index: 1, key: "id_number"}. */
export function parseIndexedField(field: string | null): IndexedField | null {
  if (!field) return null;
  const m = /^([a-z_]+)\[(\d+)\]\.([a-z_.]+)$/.exec(field);
  if (!m) return null;
  return { group: m[1], index: Number(m[2]), key: m[3] };
}

/**
 * Blank rows are left out of what is sent, so the core's index of a person differs from
 * the row on screen. `sentToRow[i]` is the screen row of the i-th person sent; this turns
 * the core's "persons[i].key" into the screen's "persons[row].key".
 */
export function remapPersonError(error: ErrorDto, group: string, sentToRow: number[]): ErrorDto {
  const f = parseIndexedField(error.field);
  if (!f || f.group !== group) return error;
  const row = sentToRow[f.index];
  if (row === undefined) return error;
  return { ...error, field: `${group}[${row}].${f.key}` };
}

/** Human-readable location of a dd/mm/yyyy date the UI could not read. */
export function badDateMessage(label: string, text: string): string {
  const t = text.trim();
  if (t === '') return `${label}: chưa nhập ngày.`;
  if (/^\d{1,2}\s*[/.-]\s*\d{1,2}$/.test(t)) return `${label}: “${t}” thiếu năm (nhập ngày/tháng/năm, ví dụ 05/03/2026).`;
  return `${label}: “${t}” không phải là ngày có thật (nhập theo dạng ngày/tháng/năm, ví dụ 05/03/2026).`;
}
