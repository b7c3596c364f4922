import { describe, expect, it } from 'vitest';
import type { ManualFigure } from './bindings/ManualFigure';
import {
  englishFigure,
  FIGURES_LOCKED_NOTE,
  figureField,
  figuresChanged,
  figuresPeriodNote,
  figuresToSave,
  figureText,
  manualColumnsNote,
  manualColumnsText,
  parseFigure,
  textsOf,
} from './figures';

describe('parseFigure', () => {
  it('reads "." as the thousands and "," as the decimal mark, as a Vietnamese writes', () => {
    expect(parseFigure('1.200')).toBe(1200);
    expect(parseFigure('1.500.000')).toBe(1500000);
    expect(parseFigure('1.234,5')).toBe(1234.5);
    expect(parseFigure('12,5')).toBe(12.5);
    expect(parseFigure('0,004')).toBe(0.004);
    expect(parseFigure('1,200')).toBe(1.2);
    expect(parseFigure(' 7 ')).toBe(7);
    expect(parseFigure('0')).toBe(0);
    expect(parseFigure('1 500')).toBe(1500);
  });
  it('reads a "." that does not group exactly three digits as a decimal point', () => {
    expect(parseFigure('12.5')).toBe(12.5);
    expect(parseFigure('0.75')).toBe(0.75);
    expect(parseFigure('0.750')).toBe(0.75);
    expect(parseFigure('1.2345')).toBe(1.2345);
    expect(parseFigure('12.50')).toBe(12.5);
  });
  it('refuses a number written the English way', () => {
    expect(parseFigure('1,200.5')).toBeUndefined();
    expect(parseFigure('1,200,000')).toBeUndefined();
    expect(englishFigure('1,200.5')).toBe('1.200,5');
    expect(englishFigure('1,200,000')).toBe('1.200.000');
    expect(englishFigure('1,200')).toBeNull();
    expect(englishFigure('1.200,5')).toBeNull();
  });
  it('is null for an empty input (no figure)', () => {
    expect(parseFigure('')).toBeNull();
    expect(parseFigure('   ')).toBeNull();
  });
  it('is undefined for what is not a number', () => {
    expect(parseFigure('abc')).toBeUndefined();
    expect(parseFigure('12,5,1')).toBeUndefined();
    expect(parseFigure('1.2,5')).toBeUndefined();
    expect(parseFigure('1.2.3')).toBeUndefined();
    expect(parseFigure('12a')).toBeUndefined();
    expect(parseFigure('1.20.000')).toBeUndefined();
  });
  it('leaves a negative number to the core to refuse', () => {
    expect(parseFigure('-3')).toBe(-3);
    expect(parseFigure('-1.200')).toBe(-1200);
  });
  it('reads back every text it writes', () => {
    for (const v of [0, 1, 12.5, 0.004, 999, 1000, 1200, 1234.5, 1500000, 1e12, 123456.789]) {
      expect(parseFigure(figureText(v))).toBe(v);
    }
  });
});

describe('figureText', () => {
  it('writes a saved figure in full, the Vietnamese way', () => {
    expect(figureText(0.004)).toBe('0,004');
    expect(figureText(12.5)).toBe('12,5');
    expect(figureText(1200)).toBe('1.200');
    expect(figureText(1234.5)).toBe('1.234,5');
    expect(figureText(1500000)).toBe('1.500.000');
    expect(figureText(999)).toBe('999');
    expect(figureText(0)).toBe('0');
    expect(figureText(null)).toBe('');
  });
});

const figures: ManualFigure[] = [
  { column: 1, label: 'Số văn bản ban hành mới', unit: null, value: 2 },
  { column: 3, label: 'Tiền phải thu (triệu đồng)', unit: 'Trđ', value: null },
];

describe('the typed figures form', () => {
  it('shows the saved figures the core’s way', () => {
    expect(textsOf([...figures, { column: 4, label: 'Đất', unit: 'm2', value: 12.5 }])).toEqual({ 1: '2', 3: '', 4: '12,5' });
    expect(textsOf([{ column: 4, label: 'Đất', unit: 'm2', value: 0.004 }])).toEqual({ 4: '0,004' });
  });

  it('sends what is typed, empty as none', () => {
    const r = figuresToSave(figures, { 1: '3', 3: '12,5' });
    expect(r).toEqual({ values: [{ ...figures[0], value: 3 }, { ...figures[1], value: 12.5 }] });
    const thousands = figuresToSave(figures, { 1: '1.200', 3: '1.500.000' });
    expect('values' in thousands && thousands.values.map((v) => v.value)).toEqual([1200, 1500000]);
    const empty = figuresToSave(figures, { 1: '', 3: '' });
    expect('values' in empty && empty.values.map((v) => v.value)).toEqual([null, null]);
  });

  it('names the input of a figure that is not a number', () => {
    const r = figuresToSave(figures, { 1: '3', 3: 'mười' });
    expect('error' in r && r.error.field).toBe(figureField(3));
    expect('error' in r && r.error.message).toBe('(3) Tiền phải thu (triệu đồng) (Trđ): “mười” không phải là số (ví dụ 1.200 hoặc 12,5).');
  });

  it('says how to type a number written the English way', () => {
    const r = figuresToSave(figures, { 1: '3', 3: '1,200.5' });
    expect('error' in r && r.error.field).toBe(figureField(3));
    expect('error' in r && r.error.message).toBe(
      '(3) Tiền phải thu (triệu đồng) (Trđ): “1,200.5” viết theo kiểu nước ngoài; dấu chấm ngăn cách hàng nghìn, dấu phẩy trước phần thập phân: viết 1.200,5.',
    );
  });

  it('is not "chưa lưu" once the saved figures are shown again', () => {
    const saved: ManualFigure[] = [
      { column: 4, label: 'Đất', unit: 'm2', value: 0.004 },
      { column: 5, label: 'Người', unit: null, value: 1200 },
      { column: 6, label: 'Tiền', unit: 'Trđ', value: 1234.5 },
    ];
    expect(figuresChanged(saved, textsOf(saved))).toBe(false);
  });

  it('knows when something was typed and not saved', () => {
    expect(figuresChanged(figures, { 1: '2', 3: '' })).toBe(false);
    expect(figuresChanged(figures, { 1: '2,0', 3: '' })).toBe(false);
    expect(figuresChanged(figures, { 1: '2', 3: '1' })).toBe(true);
    expect(figuresChanged(figures, { 1: 'x', 3: '' })).toBe(true);
  });
});

describe('the notes of typed figures', () => {
  const col = (no: number, source: 'register' | 'manual' | 'register_plus_manual') => ({ no, source });
  it('names the yellow columns as ranges', () => {
    const table = { columns: [col(1, 'manual'), col(2, 'manual'), col(3, 'manual'), col(4, 'register'), col(5, 'register_plus_manual'), col(6, 'manual'), col(7, 'register'), col(8, 'manual')] };
    expect(manualColumnsText(table as never)).toBe('(1)–(3), (5), (6), (8)');
    expect(manualColumnsNote(table as never)).toBe('Các cột tô vàng (1)–(3), (5), (6), (8) lấy số liệu nhập tay; chưa nhập thì là 0.');
  });
  it('says the figures belong to the period on screen, and the lock', () => {
    expect(figuresPeriodNote({ from: '2026-09-15', to: '2026-12-14' })).toBe(
      'Số liệu nhập tay thuộc đúng kỳ đang xem (từ 15/09/2026 đến 14/12/2026). Báo cáo năm cần số liệu của cả năm: nhập ở kỳ Năm.',
    );
    expect(FIGURES_LOCKED_NOTE).toBe('Kỳ này đã khóa: số liệu lưu bây giờ được ghi là điều chỉnh.');
  });
});
