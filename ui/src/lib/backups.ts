// Sao lưu (Cài đặt, the administrator): sizes, the lines said after a backup and a
// restore, and the restore's confirmation, in the words a ward office reads.
import type { BackupInfo } from './bindings/BackupInfo';
import type { BackupMade } from './bindings/BackupMade';
import type { RegisterHoldings } from './bindings/RegisterHoldings';
import type { RestorePreview } from './bindings/RestorePreview';
import { formatDate } from './dates';
import { groupDigits } from './queue';

/**
 * A file's size as "850 KB" or "1,9 MB" (1 KB = 1024 bytes; a non-empty file is at least
 * 1 KB; MB with one decimal, a comma as the decimal sign).
 */
export function formatSize(bytes: number | bigint): string {
  const b = Number(bytes);
  if (!Number.isFinite(b) || b <= 0) return '0 KB';
  const kb = b / 1024;
  if (kb < 1024) return `${groupDigits(Math.max(1, Math.round(kb)))} KB`;
  const tenths = Math.round((kb / 1024) * 10);
  const whole = Math.floor(tenths / 10);
  return `${groupDigits(whole)},${tenths % 10} MB`;
}

/** The file's name, the last part of a path (either slash). */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** The folder part of a path ('' for a bare name). */
export function folderOf(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i <= 0 ? (i === 0 ? path.slice(0, 1) : '') : path.slice(0, i);
}

/** "Đã sao lưu và kiểm tra: 155 buổi tiếp, 212 lượt tiếp, 111 đơn." */
export function backupMadeText(made: BackupMade): string {
  return `Đã sao lưu và kiểm tra: ${made.sessions} buổi tiếp, ${made.visits} lượt tiếp, ${made.petitions} đơn.`;
}

/** "3 buổi tiếp, 5 lượt tiếp, 3 đơn (buổi tiếp gần nhất ngày 30/11/2026)". */
export function holdingsText(h: RegisterHoldings): string {
  const counts = `${groupDigits(Number(h.sessions))} buổi tiếp, ${groupDigits(Number(h.visits))} lượt tiếp, ${groupDigits(Number(h.petitions))} đơn`;
  return h.last_session ? `${counts} (buổi tiếp gần nhất ngày ${formatDate(h.last_session)})` : counts;
}

/**
 * What the backup holds beside what the register holds now, and what the register has
 * more of (what a restore takes out of it): "Bản sao lưu có …; sổ hiện tại có … (nhiều
 * hơn bản sao lưu 1 buổi tiếp, 2 lượt tiếp)." '' without a preview.
 */
export function restoreComparison(p: RestorePreview | null | undefined): string {
  if (!p) return '';
  const more = (
    [
      ['buổi tiếp', Number(p.current.sessions) - Number(p.backup.sessions)],
      ['lượt tiếp', Number(p.current.visits) - Number(p.backup.visits)],
      ['đơn', Number(p.current.petitions) - Number(p.backup.petitions)],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${groupDigits(n)} ${what}`);
  const tail = more.length > 0 ? `; sổ hiện tại nhiều hơn bản sao lưu ${more.join(', ')}` : '';
  return ` Bản sao lưu có ${holdingsText(p.backup)}; sổ hiện tại có ${holdingsText(p.current)}${tail}.`;
}

/**
 * The warning a backup whose history was edited outside the app puts above the restore's
 * question, in bold (its records may have been edited too); '' for a whole one.
 */
export function historyWarning(p: RestorePreview | null | undefined): string {
  if (!p?.history_broken) return '';
  return `CẢNH BÁO: ${p.history_broken} Các bản ghi trong bản sao lưu này có thể cũng đã bị sửa; chỉ khôi phục khi đây là bản sao lưu duy nhất còn dùng được.`;
}

/** The confirmation of a restore: what is replaced, what is kept, what happens next. */
export function restoreQuestion(backup: BackupInfo, registerPath: string, preview?: RestorePreview | null): string {
  const kept = registerPath
    ? `Sổ hiện tại được giữ lại bên cạnh tệp sổ (${fileName(registerPath)}.truoc-khoi-phuc-…)`
    : 'Sổ hiện tại được giữ lại bên cạnh tệp sổ';
  return (
    `Khôi phục sổ từ bản sao lưu lúc ${backup.made_at}?${restoreComparison(preview)} ${kept}, rồi sổ được thay bằng bản sao lưu này: ` +
    'những gì ghi sau lúc sao lưu sẽ không còn trong sổ (vẫn còn trong tệp giữ lại). Mọi màn hình sẽ tải lại.'
  );
}

/** "Đã khôi phục từ bản sao lưu …; tệp sổ trước đó giữ tại …." */
export function restoredText(backupPath: string, aside: string | null): string {
  return aside
    ? `Đã khôi phục từ bản sao lưu ${backupPath}; tệp sổ trước đó giữ tại ${aside}.`
    : `Đã khôi phục từ bản sao lưu ${backupPath}.`;
}

/** The folder typed for "Sao lưu vào thư mục khác" (trimmed), or null when none was typed. */
export function chosenFolder(text: string): string | null {
  const t = text.trim();
  return t === '' ? null : t;
}

/**
 * A backup file's path as typed or pasted: trimmed, and without the quotes Windows puts
 * around a path copied with "Copy as path" ("Sao chép đường dẫn"); null when empty.
 */
export function chosenFile(text: string): string | null {
  let t = text.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) t = t.slice(1, -1).trim();
  return t === '' ? null : t;
}

/** The confirmation of a restore from a file chosen by its path (a copy on a USB drive). */
export function restoreFileQuestion(path: string, registerPath: string, preview?: RestorePreview | null): string {
  const kept = registerPath
    ? `Sổ hiện tại được giữ lại bên cạnh tệp sổ (${fileName(registerPath)}.truoc-khoi-phuc-…)`
    : 'Sổ hiện tại được giữ lại bên cạnh tệp sổ';
  return (
    `Khôi phục sổ từ tệp ${path}? Tệp đã được kiểm tra.${restoreComparison(preview)} ${kept}, rồi sổ được thay bằng tệp này: ` +
    'những gì ghi sau lúc sao lưu sẽ không còn trong sổ (vẫn còn trong tệp giữ lại). Mọi màn hình sẽ tải lại.'
  );
}
