import { describe, expect, it } from 'vitest';
import type { BlockTotals } from './bindings/BlockTotals';
import { BLOCK_ROWS, COLUMNS, cellValue, copyText, countColumns, countValue, rowLabel } from './report';

function block(visits: number, petitions: number): BlockTotals {
  return {
    sessions: 1,
    reception_days: 2,
    empty_sessions: 0,
    visits,
    people: visits * 2,
    delegations: 0,
    delegation_people: 0,
    cases: 3,
    cases_first: 2,
    cases_repeat: 1,
    petitions_at_visits: {
      complaint: 0,
      denunciation: 0,
      proposal: petitions,
      mixed: 0,
      total: petitions,
      mixed_with_complaint: 0,
      mixed_with_denunciation: 0,
      mixed_with_proposal: 0,
      mixed_unknown: 0,
    },
    visits_with_petition: petitions,
  };
}

describe('summary table shape', () => {
  it('has the rows and columns the end-to-end test reads', () => {
    expect(BLOCK_ROWS).toEqual(['chairman', 'deputy', 'officer', 'reception', 'council']);
    expect(COLUMNS.map((c) => c.key)).toEqual([
      'sessions',
      'reception_days',
      'visits',
      'people',
      'cases',
      'cases_first',
      'cases_repeat',
      'delegations',
      'delegation_people',
      'petitions',
    ]);
  });
  it('reads each cell from its block', () => {
    const b = block(6, 5);
    expect(cellValue(b, 'visits')).toBe(6);
    expect(cellValue(b, 'people')).toBe(12);
    expect(cellValue(b, 'petitions')).toBe(5);
    expect(cellValue(b, 'cases_repeat')).toBe(1);
  });
  it('labels rows from the catalogue, the total itself', () => {
    const hosts = [{ code: 'officer', label: 'Công chức tiếp dân' }];
    expect(rowLabel('officer', hosts)).toBe('Công chức tiếp dân');
    expect(rowLabel('reception', hosts)).toBe('Tổng cộng (01/TCD)');
  });
  it('adds a total column to the kinds and reads counts', () => {
    const cols = countColumns([{ code: 'complaint', label: 'Khiếu nại' }]);
    expect(cols.map((c) => c.code)).toEqual(['complaint', 'total']);
    expect(countValue({ complaint: 2, total: 7 }, 'total')).toBe(7);
    expect(countValue({ complaint: 2 }, 'missing')).toBe(0);
  });
});

describe('copyText', () => {
  it('joins sentences one a line, skipping empty ones', () => {
    expect(copyText(['Đã tiếp 14 người với 6 lượt.', ' ', 'Không có đoàn đông người. '])).toBe(
      'Đã tiếp 14 người với 6 lượt.\nKhông có đoàn đông người.',
    );
    expect(copyText([])).toBe('');
  });
});
