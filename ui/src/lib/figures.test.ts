import { describe, expect, it } from 'vitest';
import type { ManualFigure } from './bindings/ManualFigure';
import { figureField, figureText, figuresChanged, figuresToSave, parseFigure, textsOf } from './figures';

describe('parseFigure', () => {
  it('takes a decimal comma or a decimal point', () => {
    expect(parseFigure('12,5')).toBe(12.5);
    expect(parseFigure('12.5')).toBe(12.5);
    expect(parseFigure(' 7 ')).toBe(7);
    expect(parseFigure('0')).toBe(0);
  });
  it('reads dots as thousands when a comma is the decimal mark, and spaces as grouping', () => {
    expect(parseFigure('1.234,5')).toBe(1234.5);
    expect(parseFigure('1 500')).toBe(1500);
  });
  it('is null for an empty input (no figure)', () => {
    expect(parseFigure('')).toBeNull();
    expect(parseFigure('   ')).toBeNull();
  });
  it('is undefined for what is not a number', () => {
    expect(parseFigure('abc')).toBeUndefined();
    expect(parseFigure('12,5,1')).toBeUndefined();
    expect(parseFigure('1.2,5')).toBeUndefined();
    expect(parseFigure('12a')).toBeUndefined();
  });
  it('leaves a negative number to the core to refuse', () => {
    expect(parseFigure('-3')).toBe(-3);
  });
});

const figures: ManualFigure[] = [
  { column: 1, label: 'Số văn bản ban hành mới', unit: null, value: 2 },
  { column: 3, label: 'Tiền phải thu (triệu đồng)', unit: 'Trđ', value: null },
];

describe('the typed figures form', () => {
  it('shows the saved figures the core’s way', () => {
    expect(textsOf([...figures, { column: 4, label: 'Đất', unit: 'm2', value: 12.5 }])).toEqual({ 1: '2', 3: '', 4: '12,5' });
    expect(figureText(null)).toBe('');
  });

  it('sends what is typed, empty as none', () => {
    const r = figuresToSave(figures, { 1: '3', 3: '12,5' });
    expect(r).toEqual({ values: [{ ...figures[0], value: 3 }, { ...figures[1], value: 12.5 }] });
    const empty = figuresToSave(figures, { 1: '', 3: '' });
    expect('values' in empty && empty.values.map((v) => v.value)).toEqual([null, null]);
  });

  it('names the input of a figure that is not a number', () => {
    const r = figuresToSave(figures, { 1: '3', 3: 'mười' });
    expect('error' in r && r.error.field).toBe(figureField(3));
    expect('error' in r && r.error.message).toBe('(3) Tiền phải thu (triệu đồng) (Trđ): "mười" không phải là số (ví dụ 12 hoặc 12,5).');
  });

  it('knows when something was typed and not saved', () => {
    expect(figuresChanged(figures, { 1: '2', 3: '' })).toBe(false);
    expect(figuresChanged(figures, { 1: '2,0', 3: '' })).toBe(false);
    expect(figuresChanged(figures, { 1: '2', 3: '1' })).toBe(true);
    expect(figuresChanged(figures, { 1: 'x', 3: '' })).toBe(true);
  });
});
