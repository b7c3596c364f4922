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
  it('names an unknown form in general words, once', () => {
    expect(unsavedText(['x', 'y', 'petition'])).toBe('dữ liệu ở màn hình khác, đơn đang nhập');
  });
});
