// Removing the sample data (Cài đặt): what was removed, and what was kept and why.
import type { SampleRemoval } from './bindings/SampleRemoval';

/** "Đã xóa dữ liệu mẫu: 154 buổi tiếp, …", then what was kept and why. */
export function removalText(r: SampleRemoval): string {
  const removed = `Đã xóa dữ liệu mẫu: ${r.sessions} buổi tiếp, ${r.visits} lượt tiếp, ${r.petitions} đơn, ${r.persons} công dân.`;
  const kept = keptText(r);
  return kept ? `${removed} ${kept}` : removed;
}

/** What was kept, and why (an officer's own records use it); '' when nothing was kept. */
export function keptText(r: SampleRemoval): string {
  const parts: string[] = [];
  if (r.kept_sessions > 0) {
    parts.push(`${r.kept_sessions} buổi tiếp mẫu vì có lượt tiếp do cán bộ ghi`);
  }
  if (r.kept_persons > 0) {
    parts.push(`${r.kept_persons} công dân mẫu vì có tên trong lượt tiếp hoặc đơn do cán bộ ghi`);
  }
  if (parts.length === 0) return '';
  return `Giữ lại ${parts.join('; ')}. Các bản ghi này nay là của đơn vị: sửa hoặc xóa như bản ghi thường.`;
}
