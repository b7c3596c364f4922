// The full check of the register's file, run by the shell in the background after start
// (opening does not run it): the app asks until it has the answer, and warns if the
// register is damaged.
import type { IntegrityCheck } from './bindings/IntegrityCheck';

/**
 * Ask `status` every `everyMs` until it answers; then `done` gets the check. A failed
 * question stops asking (the register could not be opened: every screen says why).
 * Returns a function that stops asking.
 */
export function watchIntegrity(
  status: () => Promise<IntegrityCheck | null>,
  done: (check: IntegrityCheck) => void,
  everyMs = 2000,
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ask = async () => {
    if (stopped) return;
    try {
      const check = await status();
      if (stopped) return;
      if (check) done(check);
      else timer = setTimeout(ask, everyMs);
    } catch {
      stopped = true;
    }
  };
  void ask();
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
  };
}

/**
 * The warning shown over every screen when the check found damage, or a history edited
 * behind the app's back (the file itself whole); none when both are whole.
 */
export function integrityWarning(check: IntegrityCheck | null): string | null {
  if (!check) return null;
  if (!check.ok) return check.message;
  if (check.history_broken) return `CẢNH BÁO: ${check.history_broken} Quản trị viên xem chi tiết ở Cài đặt › Nhật ký.`;
  return null;
}
