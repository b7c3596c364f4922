import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PersonMatch } from './bindings/PersonMatch';
import { caseCounts, debounce, lookupOptions, shouldSearch } from './lookup';

const person = (id: string, cases: string[]): PersonMatch => ({
  person: { id, full_name: id, id_kind: 'none', id_number: null, address: null, phone: null, merged_into: null },
  cases: cases.map((c) => ({
    id: c,
    summary: `vụ ${c}`,
    first_received_on: '2026-01-05',
    last_received_on: '2026-02-10',
    visits: 2,
    petitions: 0,
    kind: null,
    field_code: null,
  })),
});

describe('lookup', () => {
  it('searches from two characters', () => {
    expect(shouldSearch('n')).toBe(false);
    expect(shouldSearch(' n ')).toBe(false);
    expect(shouldSearch('ng')).toBe(true);
  });
  it('lists each person followed by their cases', () => {
    const opts = lookupOptions([person('a', ['c1', 'c2']), person('b', [])]);
    expect(opts.map((o) => o.kind)).toEqual(['person', 'case', 'case', 'person']);
    expect(new Set(opts.map((o) => o.id)).size).toBe(4);
    const second = opts[2];
    expect(second.kind === 'case' && second.case.id).toBe('c2');
  });
  it('counts a case', () => {
    expect(caseCounts(person('a', ['c'])[`cases`][0])).toBe('2 lượt tiếp, không có đơn');
    expect(caseCounts({ ...person('a', ['c']).cases[0], petitions: 1 })).toBe('2 lượt tiếp, 1 đơn');
    expect(caseCounts({ ...person('a', ['c']).cases[0], visits: 0, petitions: 1 })).toBe('chưa có lượt tiếp, 1 đơn');
  });
});

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('calls once, with the last arguments, after the quiet time', () => {
    const fn = vi.fn();
    const d = debounce(fn, 200);
    d('ng');
    vi.advanceTimersByTime(150);
    d('ngu');
    vi.advanceTimersByTime(150);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn).toHaveBeenCalledWith('ngu');
  });
  it('can be cancelled', () => {
    const fn = vi.fn();
    const d = debounce(fn, 200);
    d('x');
    d.cancel();
    vi.advanceTimersByTime(500);
    expect(fn).not.toHaveBeenCalled();
  });
});
