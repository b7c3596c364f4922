import { describe, expect, it, vi } from 'vitest';
import type { Petition } from './bindings/Petition';
import { groupDigits, queueCsvLabel, queueRest, wholeQueue } from './queue';

describe('the queue’s rest', () => {
  it('groups digits the Vietnamese way', () => {
    expect(groupDigits(0)).toBe('0');
    expect(groupDigits(999)).toBe('999');
    expect(groupDigits(1000)).toBe('1.000');
    expect(groupDigits(20783)).toBe('20.783');
    expect(groupDigits(1234567)).toBe('1.234.567');
  });

  it('says how many petitions the table leaves out', () => {
    expect(queueRest(20783, 50)).toBe('… và 20.733 đơn khác');
    expect(queueRest(51, 50)).toBe('… và 1 đơn khác');
  });

  it('says nothing when the table shows the whole queue', () => {
    expect(queueRest(50, 50)).toBe('');
    expect(queueRest(3, 3)).toBe('');
    expect(queueRest(0, 0)).toBe('');
  });
});

describe('the queue’s CSV', () => {
  const shown = [{ id: 'a' }, { id: 'b' }] as Petition[];
  const all = [{ id: 'a' }, { id: 'b' }, { id: 'c' }] as Petition[];

  it('names the whole queue when the table shows part of it', () => {
    expect(queueCsvLabel(20783, 50)).toBe('Xuất CSV (cả 20.783 đơn)');
    expect(queueCsvLabel(50, 50)).toBe('Xuất CSV');
  });

  it('asks the core for the whole queue when the table shows part of it', async () => {
    const fetchAll = vi.fn(async () => all);
    expect(await wholeQueue(shown, 3, fetchAll)).toBe(all);
    expect(fetchAll).toHaveBeenCalledOnce();
  });

  it('writes the table as it is when it shows the whole queue', async () => {
    const fetchAll = vi.fn(async () => all);
    expect(await wholeQueue(shown, 2, fetchAll)).toBe(shown);
    expect(fetchAll).not.toHaveBeenCalled();
  });
});
