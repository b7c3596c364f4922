import { describe, expect, it } from 'vitest';
import { buildFilter, emptyListFilter, LIST_PAGE, listFilterFor, listShown, moreLabel, opensRow, stateGroups } from './petitionList';

const catalogue = {
  petition_statuses: [
    { code: 'open', label: 'Đang xử lý' },
    { code: 'closed', label: 'Đã xong' },
  ],
  petition_states: [
    { code: 'received', label: 'Đã tiếp nhận' },
    { code: 'accepted', label: 'Đã thụ lý, đang giải quyết' },
  ],
};

describe('the list filter', () => {
  it('sends nothing when nothing is chosen', () => {
    expect(buildFilter(emptyListFilter())).toEqual({
      ok: true,
      filter: { kind: null, status: null, state: null, urgency: null, field_code: null, from: null, to: null },
    });
  });

  it('offers open/closed, then each step, by the core’s labels', () => {
    const g = stateGroups(catalogue);
    expect(g[0].options).toEqual([
      { value: 'status:open', label: 'Đang xử lý' },
      { value: 'status:closed', label: 'Đã xong' },
    ]);
    expect(g[1].options[1]).toEqual({ value: 'state:accepted', label: 'Đã thụ lý, đang giải quyết' });
  });

  it('sends a status or a state, the urgency, kind, field and dates', () => {
    const r = buildFilter({ kind: 'complaint', state: 'state:accepted', urgency: 'overdue', field: 'dat_dai', from: '1/2/2026', to: '' });
    expect(r).toEqual({
      ok: true,
      filter: {
        kind: 'complaint',
        status: null,
        state: 'accepted',
        urgency: 'overdue',
        field_code: 'dat_dai',
        from: '2026-02-01',
        to: null,
      },
    });
    const open = buildFilter({ ...emptyListFilter(), state: 'status:open' });
    expect(open.ok && open.filter.status).toBe('open');
    expect(open.ok && open.filter.state).toBeNull();
  });

  it('opens on one state, the other filters cleared (the dashboard’s “… và N đơn khác”)', () => {
    const d = listFilterFor('status:open');
    expect(d).toEqual({ ...emptyListFilter(), state: 'status:open' });
    const built = buildFilter(d);
    expect(built.ok && built.filter).toEqual({
      kind: null,
      status: 'open',
      state: null,
      urgency: null,
      field_code: null,
      from: null,
      to: null,
    });
  });

  it('names the date it cannot read', () => {
    const r = buildFilter({ ...emptyListFilter(), to: '31/02/2026' });
    expect(!r.ok && r.error.field).toBe('to');
    const f = buildFilter({ ...emptyListFilter(), from: '5/3' });
    expect(!f.ok && f.error.message).toContain('thiếu năm');
  });

  it('opens a focused row with Enter or Space, not with a modifier', () => {
    const k = (key: string, mods = {}) => ({ key, ctrlKey: false, altKey: false, shiftKey: false, ...mods });
    expect(opensRow(k('Enter'))).toBe(true);
    expect(opensRow(k(' '))).toBe(true);
    expect(opensRow(k('Enter', { ctrlKey: true }))).toBe(false);
    expect(opensRow(k('a'))).toBe(false);
  });
});

describe('the list a page at a time', () => {
  it('says how much of the matches it shows, only when it shows part of them', () => {
    expect(listShown(200, 13906)).toBe('Đang hiện 200 trong 13.906 đơn');
    expect(listShown(13906, 13906)).toBe('');
    expect(listShown(7, 7)).toBe('');
  });
  it('offers the next page, or what is left of it', () => {
    expect(LIST_PAGE).toBe(200);
    expect(moreLabel(200, 13906)).toBe('Hiện thêm 200 đơn');
    expect(moreLabel(13800, 13906)).toBe('Hiện thêm 106 đơn');
  });
});
