import { describe, expect, it } from 'vitest';
import { closeQuestion, unsavedText } from './closeGuard';

describe('closing with unsaved work', () => {
  it('asks nothing when nothing would be lost', () => {
    expect(closeQuestion([])).toBeNull();
  });
  it('names what would be lost', () => {
    expect(closeQuestion(['visit'])).toBe(
      'Có dữ liệu đang nhập chưa lưu: lượt tiếp đang nhập. Đóng phần mềm và bỏ dữ liệu này?',
    );
    expect(unsavedText(['visit', 'session'])).toBe('lượt tiếp đang nhập, buổi tiếp đang nhập');
  });
  it('names each kind of work in Vietnamese', () => {
    const forms = ['visit', 'visit-edit', 'session', 'session-edit', 'person', 'petition', 'petition-edit', 'move', 'settings', 'calendar', 'fields', 'figures'];
    const text = unsavedText(forms);
    expect(text).toBe(
      'lượt tiếp đang nhập, lượt tiếp đang sửa, buổi tiếp đang nhập, buổi tiếp đang sửa, thông tin công dân đang sửa, ' +
        'đơn đang nhập (Thêm đơn), đơn đang sửa, bước xử lý đơn đang nhập, cài đặt chưa lưu, lịch ngày làm việc chưa lưu, ' +
        'danh mục lĩnh vực chưa lưu, số liệu nhập tay chưa lưu (Tổng hợp)',
    );
    expect(text).not.toMatch(/dữ liệu ở màn hình khác/);
  });
  it('names an unknown form in general words, once', () => {
    expect(unsavedText(['x', 'y', 'petition'])).toBe('dữ liệu ở màn hình khác, đơn đang nhập (Thêm đơn)');
  });
});
