import { describe, expect, it } from 'vitest';
import { CANCELLED_TEXT, exportButtons, exportFailure, folderLine, progressPercent } from './exports';

describe('exportButtons', () => {
  it('offers the Sổ, the table on screen, the six tables, and the report when it is due', () => {
    expect(exportButtons('01-tcd', true).map((b) => [b.form, b.label])).toEqual([
      ['so-tcd', 'Xuất Sổ tiếp công dân (Excel)'],
      ['01-tcd', 'Xuất biểu này (Excel)'],
      ['6-bieu', 'Xuất cả 6 biểu (Excel)'],
      ['bao-cao', 'Xuất báo cáo (Word)'],
    ]);
  });
  it('has no "Xuất biểu này" without a table, nor a report for other periods', () => {
    expect(exportButtons(null, false).map((b) => b.form)).toEqual(['so-tcd', '6-bieu']);
  });
});

describe('progressPercent', () => {
  it('is the share done, within 0…100', () => {
    expect(progressPercent({ done: 3, total: 6 })).toBe(50);
    expect(progressPercent({ done: 7, total: 6 })).toBe(100);
    expect(progressPercent({ done: 0, total: 0 })).toBeNull();
    expect(progressPercent(null)).toBeNull();
  });
});

describe('exportFailure', () => {
  it('says a stopped export wrote nothing', () => {
    expect(exportFailure({ code: 'cancelled', field: null, message: 'Đã dừng theo yêu cầu; chưa ghi tệp nào.' })).toEqual({
      stopped: true,
      message: CANCELLED_TEXT,
    });
    expect(CANCELLED_TEXT).toBe('Đã dừng, chưa ghi tệp nào.');
  });
  it('passes the core’s message on otherwise', () => {
    expect(exportFailure({ code: 'form_check', field: null, message: 'Chưa ghi tệp: …' })).toEqual({
      stopped: false,
      message: 'Chưa ghi tệp: …',
    });
  });
  it('names the folder', () => {
    expect(folderLine('/home/a/So Tiep Dan')).toBe('Tệp được lưu vào /home/a/So Tiep Dan; đổi thư mục trong Cài đặt.');
  });
});
