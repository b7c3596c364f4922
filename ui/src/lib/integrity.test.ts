import { describe, expect, it, vi } from 'vitest';
import type { IntegrityCheck } from './bindings/IntegrityCheck';
import { integrityWarning, watchIntegrity } from './integrity';

const broken: IntegrityCheck = {
  ok: false,
  problems: ['Tree 12 page 12: btreeInitPage() returns error code 11'],
  notes: [],
  message: 'Tệp sổ bị hỏng (1 lỗi, ví dụ: …): hãy ngừng ghi thêm và khôi phục từ bản sao lưu gần nhất (Cài đặt › Sao lưu).',
  history_broken: null,
};

describe('the background check of the register', () => {
  it('is asked until it answers, then reported once', async () => {
    vi.useFakeTimers();
    const answers: (IntegrityCheck | null)[] = [null, null, broken];
    const status = vi.fn(async () => answers.shift() ?? null);
    const done = vi.fn();
    watchIntegrity(status, done, 1000);
    await vi.advanceTimersByTimeAsync(0);
    expect(done).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2000);
    expect(status).toHaveBeenCalledTimes(3);
    expect(done).toHaveBeenCalledWith(broken);
    await vi.advanceTimersByTimeAsync(5000);
    expect(status).toHaveBeenCalledTimes(3);
    vi.useRealTimers();
  });

  it('stops asking when the question fails or when stopped', async () => {
    vi.useFakeTimers();
    const failing = vi.fn(async () => {
      throw new Error('no register');
    });
    watchIntegrity(failing, vi.fn(), 1000);
    await vi.advanceTimersByTimeAsync(5000);
    expect(failing).toHaveBeenCalledTimes(1);
    const pending = vi.fn(async () => null);
    const stop = watchIntegrity(pending, vi.fn(), 1000);
    await vi.advanceTimersByTimeAsync(0);
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(pending).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });

  it('warns only when the register is damaged', () => {
    expect(integrityWarning(null)).toBeNull();
    expect(integrityWarning({ ok: true, problems: [], notes: [], message: 'Tệp sổ nguyên vẹn.', history_broken: null })).toBeNull();
    // A history edited behind the app's back is said over every screen, the file whole.
    expect(
      integrityWarning({
        ok: true,
        problems: [],
        notes: [],
        message: 'Tệp sổ nguyên vẹn.',
        history_broken: 'Lịch sử thay đổi không còn nguyên vẹn: thiếu bản ghi số 3 (đã bị xóa ngoài phần mềm).',
      }),
    ).toBe(
      'CẢNH BÁO: Lịch sử thay đổi không còn nguyên vẹn: thiếu bản ghi số 3 (đã bị xóa ngoài phần mềm). Quản trị viên xem chi tiết ở Cài đặt › Nhật ký.',
    );
    // Petitions whose history does not hold together are no damage of the file: no red warning.
    expect(
      integrityWarning({ ok: true, problems: [], notes: ['Đơn số 1/2026: không có bước tiếp nhận'], message: 'Tệp sổ nguyên vẹn. Lưu ý: 1 chỗ', history_broken: null }),
    ).toBeNull();
    expect(integrityWarning(broken)).toContain('bị hỏng');
  });
});
