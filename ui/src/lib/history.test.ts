import { describe, expect, it } from 'vitest';
import type { ChangeView } from './bindings/ChangeView';
import { changedFields, formatInstant, historyLines, whoOf } from './history';

const catalogue = {
  actors: [{ code: 'desk', label: 'Bàn tiếp dân' }],
  change_actions: [
    { code: 'create', label: 'Tạo mới' },
    { code: 'update', label: 'Sửa' },
  ],
};

describe('who made a change', () => {
  it('names the file a change was brought by', () => {
    expect(whoOf('Bàn tiếp dân', null)).toBe('Bàn tiếp dân');
    expect(whoOf('Bàn tiếp dân', null, 'canbo')).toBe('canbo · Bàn tiếp dân');
    expect(whoOf('Bàn tiếp dân', 'phường Kim Liên, xuất lúc 2026-06-30T08:00:00Z')).toBe(
      'Bàn tiếp dân (từ tệp nhập: phường Kim Liên, xuất lúc 2026-06-30T08:00:00Z)',
    );
  });
});

describe('history lines', () => {
  it('say when, who, what and each field old → new', () => {
    const at = new Date(2026, 2, 5, 9, 7).toISOString();
    const change: ChangeView = {
      id: 'c-1',
      at,
      actor: 'desk',
      action: 'update',
      source: null,
      table: 'visits',
      record_id: 'v-1',
      note: null,
      fields: [
        { field: 'content', label: 'Nội dung', old: 'Hoi thu tuc', new: 'Hỏi thủ tục' },
        { field: 'kind', label: 'Phân loại', old: null, new: 'Kiến nghị, phản ánh' },
        { field: 'seq', label: 'Số thứ tự', old: '1', new: '1' },
      ],
    };
    expect(historyLines([change], catalogue)).toEqual([
      {
        id: 'c-1',
        when: '05/03/2026 09:07',
        who: 'Bàn tiếp dân',
        what: 'Sửa',
        note: null,
        fields: [
          { label: 'Nội dung', old: 'Hoi thu tuc', new: 'Hỏi thủ tục' },
          { label: 'Phân loại', old: '(trống)', new: 'Kiến nghị, phản ánh' },
        ],
      },
    ]);
  });

  it('keep an unreadable instant as it is', () => {
    expect(formatInstant('hôm qua')).toBe('hôm qua');
    expect(changedFields([])).toEqual([]);
  });
});
