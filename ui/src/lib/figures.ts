// "Nhập số liệu": the figures of a table typed by hand for a period (money in Trđ, land in
// m2, counts). The inputs take "12,5" as well as "12.5"; an empty input is no figure.
// Whether a figure is allowed (not negative, a count whole) is the core's to say.
import type { ErrorDto } from './bindings/ErrorDto';
import type { ManualFigure } from './bindings/ManualFigure';
import { localError } from './errors';
import { formatValue } from './statutory';

/** The core's name of a typed figure's input (`column_3`). */
export const figureField = (column: number) => `column_${column}`;

/**
 * A number typed by the officer: "12,5", "12.5", "1.234,5" (dots group thousands when a
 * comma is the decimal mark), "1 500". Empty → null (no figure); not a number → undefined.
 */
export function parseFigure(text: string): number | null | undefined {
  let t = String(text ?? '')
    .trim()
    .replace(/[\s\u00a0]/g, '');
  if (t === '') return null;
  if (t.includes(',') && t.includes('.')) {
    // "1.234,5": the dots group the thousands.
    if (!/^\d{1,3}(\.\d{3})+,\d+$/.test(t)) return undefined;
    t = t.replace(/\./g, '');
  }
  t = t.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** The input's text for a figure (the core's way of writing it: "12,5"). */
export function figureText(value: number | null): string {
  return value === null ? '' : formatValue(value);
}

export type FigureTexts = Record<number, string>;

export function textsOf(figures: ManualFigure[]): FigureTexts {
  return Object.fromEntries(figures.map((f) => [f.column, figureText(f.value)]));
}

/** "(3) Tiền phải thu (triệu đồng)". */
export const figureLabel = (f: ManualFigure) => `(${f.column}) ${f.label}`;

export type FiguresOrError = { values: ManualFigure[] } | { error: ErrorDto };

/** The figures to save, or the first one that is not a number (on its input). */
export function figuresToSave(figures: ManualFigure[], texts: FigureTexts): FiguresOrError {
  const values: ManualFigure[] = [];
  for (const f of figures) {
    const v = parseFigure(texts[f.column] ?? '');
    if (v === undefined) {
      const unit = f.unit ? ` (${f.unit})` : '';
      return {
        error: localError(
          figureField(f.column),
          `${figureLabel(f)}${unit}: "${(texts[f.column] ?? '').trim()}" không phải là số (ví dụ 12 hoặc 12,5).`,
        ),
      };
    }
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
