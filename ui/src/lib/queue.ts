// The dashboard's "Cần xử lý": the core sends the top of the queue (Dashboard.queue) and
// how many petitions the whole queue holds (queue_total; the counts are over all of them).
// This says what the table leaves out, and gives the whole queue to its CSV.
import type { Petition } from './bindings/Petition';

/** 20783 → "20.783" (Vietnamese digit grouping). */
export function groupDigits(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** "… và 20.733 đơn khác" under the table when the queue holds more than it shows; '' otherwise. */
export function queueRest(total: number, shown: number): string {
  const rest = total - shown;
  return rest > 0 ? `… và ${groupDigits(rest)} đơn khác` : '';
}

/** The queue's CSV button: it writes the whole queue, and says so when the table shows part of it. */
export function queueCsvLabel(total: number, shown: number): string {
  return total > shown ? `Xuất CSV (cả ${groupDigits(total)} đơn)` : 'Xuất CSV';
}

/** The petitions the queue's CSV writes: the whole queue, asked of the core only when the table shows part of it. */
export async function wholeQueue(shown: Petition[], total: number, fetchAll: () => Promise<Petition[]>): Promise<Petition[]> {
  return total > shown.length ? fetchAll() : shown;
}
