import { describe, expect, it } from 'vitest';
import type { ChangeView } from './bindings/ChangeView';
import type { PetitionMove } from './bindings/PetitionMove';
import { person, petition } from './petitionFixtures';
import {
  canDelete,
  eligibleText,
  formatInstant,
  fromVisit,
  historyEntries,
  numberParts,
  petitionerNames,
  timelineRows,
} from './petitionView';

const labels = {
  signers: [
    { code: 'one', label: 'Một người đứng tên' },
    { code: 'anonymous', label: 'Nặc danh' },
  ],
  move_actions: [
    { code: 'receive', label: 'Tiếp nhận đơn' },
    { code: 'resolve', label: 'Giải quyết xong' },
  ],
  actors: [{ code: 'desk', label: 'Bàn tiếp dân' }],
  change_actions: [
    { code: 'create', label: 'Tạo mới' },
    { code: 'update', label: 'Sửa' },
  ],
  petition_states: [
    { code: 'received', label: 'Đã tiếp nhận' },
    { code: 'resolved', label: 'Đã giải quyết' },
  ],
};

describe('petition in words', () => {
  it('names the petitioners, or says anonymous', () => {
    const p = petition({ petitioners: [person(), person({ id: 'b', full_name: 'Lê Văn Hùng' })] });
    expect(petitionerNames(p, labels.signers)).toBe('Phạm Thị Lan, Lê Văn Hùng');
    expect(petitionerNames(petition({ anonymous: true, petitioners: [] }), labels.signers)).toBe('Nặc danh');
  });

  it('says whether it is eligible', () => {
    expect(eligibleText(true)).toBe('Đủ điều kiện xử lý');
    expect(eligibleText(false)).toBe('Không đủ điều kiện xử lý');
    expect(eligibleText(null)).toBe('Chưa xem xét');
  });

  it('shows an instant as a local date and time', () => {
    expect(formatInstant('2026-03-05T07:08:09Z')).toMatch(/^\d{2}\/\d{2}\/2026 \d{2}:\d{2}$/);
    const local = new Date(2026, 2, 5, 14, 7);
    expect(formatInstant(local.toISOString())).toBe('05/03/2026 14:07');
    expect(formatInstant('not a date')).toBe('not a date');
  });

  it('deletes and edits the date/persons only of a petition received directly', () => {
    expect(canDelete(petition())).toBe(true);
    expect(fromVisit(petition())).toBe(false);
    const v = petition({ source: 'visit', visit_id: 'v1' });
    expect(canDelete(v)).toBe(false);
    expect(fromVisit(v)).toBe(true);
  });
});

describe('timelineRows', () => {
  const base = (): PetitionMove => ({
    id: 'm0',
    action: 'classify',
    on_date: '2026-03-21',
    at: '2026-03-21T03:00:00Z',
    actor: 'desk',
    from_state: 'received',
    to_state: 'classified',
    note: null,
    doc_no: null,
    agency: null,
    summary: null,
    user: null,
  });
  it('gives each move its date, label, who, document, agency, note and summary', () => {
    const moves: PetitionMove[] = [
      {
        id: 'm1',
        action: 'resolve',
        on_date: '2026-03-20',
        at: '2026-03-20T03:00:00Z',
        actor: 'desk',
        from_state: 'accepted',
        to_state: 'resolved',
        note: null,
        doc_no: '12/QĐ-UBND',
        agency: null,
        summary: 'Kết quả: Đúng một phần',
        user: null,
      },
      { ...base(), id: 'm2', user: 'canbo' },
    ];
    const [row, byAccount] = timelineRows(moves, labels);
    expect(byAccount.who).toBe('canbo · Bàn tiếp dân');
    expect(row).toMatchObject({
      id: 'm1',
      action: 'resolve',
      actionLabel: 'Giải quyết xong',
      date: '20/03/2026',
      who: 'Bàn tiếp dân',
      docNo: '12/QĐ-UBND',
      agency: '',
      note: '',
      summary: 'Kết quả: Đúng một phần',
      state: 'Đã giải quyết',
    });
  });
});

describe('historyEntries', () => {
  it('lists the newest change first, each field old → new', () => {
    const changes: ChangeView[] = [
      { id: 'c1', at: '2026-03-02T01:00:00Z', actor: 'desk', action: 'create', table: 'petitions', record_id: 'p', note: null, source: null, fields: [] },
      {
        id: 'c2',
        at: '2026-03-03T01:00:00Z',
        actor: 'desk',
        action: 'update',
        table: 'petitions',
        record_id: 'p',
        note: 'gõ nhầm',
        source: null,
        user: 'canbo',
        fields: [{ field: 'respondent', label: 'Người bị khiếu nại, tố cáo', old: null, new: 'UBND phường' }],
      },
    ];
    const h = historyEntries(changes, labels);
    expect(h.map((e) => e.id)).toEqual(['c2', 'c1']);
    expect(h[1].who).toBe('Bàn tiếp dân');
    expect(h[0]).toMatchObject({
      who: 'canbo · Bàn tiếp dân',
      what: 'Sửa',
      note: 'gõ nhầm',
      fields: [{ field: 'respondent', label: 'Người bị khiếu nại, tố cáo', old: '—', new: 'UBND phường' }],
    });
    expect(h[1].what).toBe('Tạo mới');
  });
});

describe('a petition number', () => {
  it('of this register is the number alone', () => {
    expect(numberParts('12/2026')).toEqual({ number: '12/2026', unit: null });
  });
  it('of another ward combined into this one keeps the number apart from the unit', () => {
    expect(numberParts('12/2026 (phường Tân Lập)')).toEqual({ number: '12/2026', unit: 'phường Tân Lập' });
    expect(numberParts('3/2025 (xã Đông (cũ))')).toEqual({ number: '3/2025', unit: 'xã Đông (cũ)' });
  });
});
