import { describe, expect, it, vi } from 'vitest';
import type { SearchHit } from './bindings/SearchHit';
import { displayOrder, groupHits, hitId, Latest, openHit, paletteKey, shouldSearch, targetOf } from './search';

const hit = (kind: SearchHit['kind'], id: string, extra: Partial<SearchHit> = {}): SearchHit => ({
  kind,
  id,
  title: `${kind} ${id}`,
  detail: '',
  date: null,
  session_id: null,
  ...extra,
});

describe('shouldSearch', () => {
  it('waits for two letters of a name', () => {
    expect(shouldSearch('')).toBe(false);
    expect(shouldSearch('  ')).toBe(false);
    expect(shouldSearch('n')).toBe(false);
    expect(shouldSearch('ng')).toBe(true);
    expect(shouldSearch(' nguyen van duc ')).toBe(true);
  });
  it('asks at once for a petition number', () => {
    expect(shouldSearch('7')).toBe(true);
    expect(shouldSearch('12/2026')).toBe(true);
    expect(shouldSearch('12/')).toBe(true);
  });
});

describe('groupHits', () => {
  // As the core's catalogue names them (`search_kinds`).
  const LABELS = [
    { code: 'person', label: 'Công dân' },
    { code: 'petition', label: 'Đơn' },
    { code: 'visit', label: 'Lượt tiếp' },
    { code: 'case', label: 'Vụ việc' },
  ];
  const hits = [
    hit('case', 'c1'),
    hit('petition', 'p1'),
    hit('person', 'a'),
    hit('visit', 'v1'),
    hit('person', 'b'),
    hit('petition', 'p2'),
  ];

  it('groups by kind in the order Công dân, Đơn, Lượt tiếp, Vụ việc', () => {
    const groups = groupHits(hits, LABELS);
    expect(groups.map((g) => g.label)).toEqual(['Công dân', 'Đơn', 'Lượt tiếp', 'Vụ việc']);
    expect(groups[0].items.map((i) => i.hit.id)).toEqual(['a', 'b']);
    expect(groups[1].items.map((i) => i.hit.id)).toEqual(['p1', 'p2']);
  });

  it('numbers the hits in display order, which the arrows walk', () => {
    const groups = groupHits(hits, LABELS);
    expect(groups.flatMap((g) => g.items.map((i) => i.index))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(displayOrder(groups).map((h) => h.id)).toEqual(['a', 'b', 'p1', 'p2', 'v1', 'c1']);
  });

  it('leaves out empty groups', () => {
    expect(groupHits([hit('case', 'c1')], LABELS).map((g) => g.kind)).toEqual(['case']);
    expect(groupHits([], LABELS)).toEqual([]);
  });

  it('gives each hit a distinct id even when two kinds share a record id', () => {
    expect(hitId(hit('person', 'x'))).not.toBe(hitId(hit('case', 'x')));
  });
});

describe('paletteKey', () => {
  it('moves down and up, wrapping around', () => {
    expect(paletteKey('ArrowDown', 0, 3)).toEqual({ type: 'move', active: 1 });
    expect(paletteKey('ArrowDown', 2, 3)).toEqual({ type: 'move', active: 0 });
    expect(paletteKey('ArrowUp', 0, 3)).toEqual({ type: 'move', active: 2 });
    expect(paletteKey('ArrowDown', -1, 3)).toEqual({ type: 'move', active: 0 });
  });
  it('has nothing to move over with no hits', () => {
    expect(paletteKey('ArrowDown', -1, 0)).toEqual({ type: 'none' });
    expect(paletteKey('Enter', -1, 0)).toEqual({ type: 'none' });
  });
  it('leaves Home/End to the input unless Ctrl is held', () => {
    expect(paletteKey('Home', 2, 3)).toEqual({ type: 'none' });
    expect(paletteKey('End', 0, 3, true)).toEqual({ type: 'move', active: 2 });
  });
  it('opens the highlighted hit on Enter', () => {
    expect(paletteKey('Enter', 1, 3)).toEqual({ type: 'open', index: 1 });
    expect(paletteKey('Enter', 3, 3)).toEqual({ type: 'none' });
  });
  it('closes on Escape', () => {
    expect(paletteKey('Escape', 1, 3)).toEqual({ type: 'close' });
  });
  it('ignores typing', () => {
    expect(paletteKey('a', 1, 3)).toEqual({ type: 'none' });
  });
});

describe('where a hit leads', () => {
  const nav = () => ({ openPerson: vi.fn(), openPetition: vi.fn(), openVisit: vi.fn(), openCase: vi.fn() });

  it('a person opens the person page', () => {
    const n = nav();
    expect(openHit(hit('person', 'a'), n)).toBe(true);
    expect(n.openPerson).toHaveBeenCalledWith('a');
  });
  it('a petition opens its page', () => {
    const n = nav();
    openHit(hit('petition', 'p'), n);
    expect(n.openPetition).toHaveBeenCalledWith('p');
  });
  it('a visit opens the register at its session and date', () => {
    const n = nav();
    openHit(hit('visit', 'v', { session_id: 's', date: '2026-03-05' }), n);
    expect(n.openVisit).toHaveBeenCalledWith('s', '2026-03-05', 'v');
  });
  it('a case opens the case page', () => {
    const n = nav();
    openHit(hit('case', 'c'), n);
    expect(n.openCase).toHaveBeenCalledWith('c');
  });
  it('a visit without its session leads nowhere', () => {
    const n = nav();
    expect(targetOf(hit('visit', 'v'))).toBeNull();
    expect(openHit(hit('visit', 'v'), n)).toBe(false);
    expect(n.openVisit).not.toHaveBeenCalled();
  });
});

describe('Latest', () => {
  it('keeps only the answer to the latest request', () => {
    const l = new Latest();
    const first = l.take();
    const second = l.take();
    expect(l.isCurrent(first)).toBe(false);
    expect(l.isCurrent(second)).toBe(true);
  });
  it('drop voids the pending request', () => {
    const l = new Latest();
    const t = l.take();
    l.drop();
    expect(l.isCurrent(t)).toBe(false);
  });
});
