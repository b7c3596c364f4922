// "Nhập số liệu": the figures of a table typed by hand for a period (money in Trđ, land in
// m2, counts), read as a Vietnamese writes them: "." groups thousands, "," marks decimals
// ("1.200" is one thousand two hundred, "12,5" twelve and a half). An empty input is no
// figure. Whether a figure is allowed (not negative, a count whole, not too large) is the
// core's to say.
import type { ErrorDto } from './bindings/ErrorDto';
import type { FormTable } from './bindings/FormTable';
import type { ManualFigure } from './bindings/ManualFigure';
import type { PeriodRange } from './bindings/PeriodRange';
import { formatDate } from './dates';
import { localError } from './errors';

/** The core's name of a typed figure's input (`column_3`). */
export const figureField = (column: number) => `column_${column}`;

/** Dots that group thousands: "1.200", "1.500.000" (not "0.750": a decimal). */
const DOT_GROUPS = /^[1-9]\d{0,2}(\.\d{3})+$/;
/** "1.234,5": dots grouping thousands, then a decimal comma. */
const VIETNAMESE = /^[1-9]\d{0,2}(\.\d{3})+,\d+$/;
/** "1,200.5", "1,200,000": commas grouping thousands (the English way). */
const ENGLISH = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

const squeeze = (text: string) =>
  String(text ?? '')
    .trim()
    .replace(/[\s\u00a0]/g, '');

/**
 * A number typed by the officer, the Vietnamese way: "1.200" → 1200, "1.500.000" →
 * 1500000, "1.234,5" → 1234.5, "12,5" → 12.5, "1 500" → 1500; a "." that does not group
 * exactly three digits is a decimal point ("12.5", "0.75"). Empty → null (no figure); not
 * a number (or written the English way, "1,200.5") → undefined.
 */
export function parseFigure(text: string): number | null | undefined {
  let t = squeeze(text);
  if (t === '') return null;
  const sign = t.startsWith('-') ? '-' : '';
  if (sign) t = t.slice(1);
  if (englishFigure(t) !== null) return undefined;
  if (VIETNAMESE.test(t) || DOT_GROUPS.test(t)) t = t.replace(/\./g, '');
  if (t.includes(',') && t.includes('.')) return undefined;
  t = t.replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return undefined;
  const n = Number(sign + t);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A number written the English way (commas grouping thousands: "1,200.5", "1,200,000"),
 * as a Vietnamese writes it ("1.200,5", "1.200.000"); null when it is not one.
 */
export function englishFigure(text: string): string | null {
  let t = squeeze(text);
  const sign = t.startsWith('-') ? '-' : '';
  if (sign) t = t.slice(1);
  // "1,200" alone is one point two (a decimal comma), not English.
  if (!ENGLISH.test(t) || /^\d+,\d+$/.test(t)) return null;
  return sign + t.replace(/,/g, '\u0000').replace('.', ',').replace(/\u0000/g, '.');
}

/** "1500000" → "1.500.000". */
const groupThousands = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/**
 * The input's text for a saved figure, in full and the Vietnamese way: 1200 → "1.200",
 * 1234.5 → "1.234,5", 0.004 → "0,004" (never rounded: the input shows what is saved).
 */
export function figureText(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '';
  let plain = String(Math.abs(value));
  if (/e/i.test(plain)) plain = Math.abs(value).toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
  const [whole, fraction] = plain.split('.');
  return `${value < 0 ? '-' : ''}${groupThousands(whole)}${fraction ? `,${fraction}` : ''}`;
}

export type FigureTexts = Record<number, string>;

export function textsOf(figures: ManualFigure[]): FigureTexts {
  return Object.fromEntries(figures.map((f) => [f.column, figureText(f.value)]));
}

/** "(3) Tiền phải thu (triệu đồng)". */
export const figureLabel = (f: ManualFigure) => `(${f.column}) ${f.label}`;

/** Why a figure typed cannot be read, saying how to type it. */
export function notANumber(f: ManualFigure, text: string): string {
  const unit = f.unit ? ` (${f.unit})` : '';
  const typed = text.trim();
  const vietnamese = englishFigure(typed);
  if (vietnamese !== null) {
    return `${figureLabel(f)}${unit}: “${typed}” viết theo kiểu nước ngoài; dấu chấm ngăn cách hàng nghìn, dấu phẩy trước phần thập phân: viết ${vietnamese}.`;
  }
  return `${figureLabel(f)}${unit}: “${typed}” không phải là số (ví dụ 1.200 hoặc 12,5).`;
}

export type FiguresOrError = { values: ManualFigure[] } | { error: ErrorDto };

/** The figures to save, or the first one that is not a number (on its input). */
export function figuresToSave(figures: ManualFigure[], texts: FigureTexts): FiguresOrError {
  const values: ManualFigure[] = [];
  for (const f of figures) {
    const v = parseFigure(texts[f.column] ?? '');
    if (v === undefined) return { error: localError(figureField(f.column), notANumber(f, texts[f.column] ?? '')) };
    values.push({ ...f, value: v });
  }
  return { values };
}

/** Whether what is typed differs from the saved figures. */
export function figuresChanged(figures: ManualFigure[], texts: FigureTexts): boolean {
  return figures.some((f) => {
    const v = parseFigure(texts[f.column] ?? '');
    return v === undefined || v !== f.value;
  });
}

/** The numbered columns that take typed figures, as ranges: "(1)–(10), (16)–(25)". */
export function manualColumnsText(table: Pick<FormTable, 'columns'>): string {
  const nos = table.columns.filter((c) => c.source !== 'register').map((c) => c.no);
  const parts: string[] = [];
  for (let i = 0; i < nos.length; ) {
    let j = i;
    while (j + 1 < nos.length && nos[j + 1] === nos[j] + 1) j++;
    parts.push(j === i ? `(${nos[i]})` : j === i + 1 ? `(${nos[i]}), (${nos[j]})` : `(${nos[i]})–(${nos[j]})`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** The line over a table with typed figures: which columns, and that they are 0 until typed. */
export function manualColumnsNote(table: Pick<FormTable, 'columns'>): string {
  return `Các cột tô vàng ${manualColumnsText(table)} lấy số liệu nhập tay; chưa nhập thì là 0.`;
}

/** Which period the typed figures belong to: the one on screen, and no other. */
export function figuresPeriodNote(range: PeriodRange): string {
  return `Số liệu nhập tay thuộc đúng kỳ đang xem (từ ${formatDate(range.from)} đến ${formatDate(range.to)}). Báo cáo năm cần số liệu của cả năm: nhập ở kỳ Năm.`;
}

export const FIGURES_LOCKED_NOTE = 'Kỳ này đã khóa: số liệu lưu bây giờ được ghi là điều chỉnh.';
