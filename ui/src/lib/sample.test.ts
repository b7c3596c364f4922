import { describe, expect, it } from 'vitest';
import { keptText, removalText } from './sample';

const removal = { sessions: 154, visits: 208, petitions: 26, persons: 231, kept_sessions: 0, kept_persons: 0 };

describe('removing the sample data', () => {
  it('says what was removed', () => {
    expect(removalText(removal)).toBe('Đã xóa dữ liệu mẫu: 154 buổi tiếp, 208 lượt tiếp, 26 đơn, 231 công dân.');
    expect(keptText(removal)).toBe('');
  });
  it('says what was kept and why', () => {
    const r = { ...removal, sessions: 153, persons: 230, kept_sessions: 1, kept_persons: 1 };
    expect(removalText(r)).toBe(
      'Đã xóa dữ liệu mẫu: 153 buổi tiếp, 208 lượt tiếp, 26 đơn, 230 công dân. ' +
        'Giữ lại 1 buổi tiếp mẫu vì có lượt tiếp do cán bộ ghi; 1 công dân mẫu vì có tên trong lượt tiếp hoặc đơn do cán bộ ghi. ' +
        'Các bản ghi này nay là của đơn vị: sửa hoặc xóa như bản ghi thường.',
    );
    expect(keptText({ ...removal, kept_persons: 2 })).toMatch(/^Giữ lại 2 công dân mẫu vì/);
  });
});
