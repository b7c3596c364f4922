// Tài khoản (Cài đặt, the administrator): the account form as the inputs hold it and the
// AccountInput sent to the core, the lines shown after a save, and the idle-lock minutes.
// The core decides (login rules, password length, the last administrator); the form only
// pre-checks what is plainly missing so the message appears at once beside its input.
import type { Account } from './bindings/Account';
import type { AccountInput } from './bindings/AccountInput';
import type { ErrorDto } from './bindings/ErrorDto';
import type { Role } from './bindings/Role';
import { localError } from './errors';
import { ROLE_LABELS, ROLE_ORDER, rolesText } from './access';

export { rolesText };

/** The roles in the core's order, with the core's labels (one copy: `lib/access.ts`). */
export const ROLES: readonly { code: Role; label: string }[] = ROLE_ORDER.map((code) => ({ code, label: ROLE_LABELS[code] }));

/** The shortest password the core accepts (src/desk/account.rs PASSWORD_MIN). */
export const PASSWORD_MIN = 8;

export interface AccountForm {
  /** null: a new account. */
  id: string | null;
  login: string;
  full_name: string;
  roles: Role[];
  active: boolean;
  /** New account: the password; existing one: a new password (reset), '' to keep it. */
  password: string;
}

export function newAccountForm(): AccountForm {
  return { id: null, login: '', full_name: '', roles: ['officer'], active: true, password: '' };
}

export function accountFormOf(a: Account): AccountForm {
  return { id: a.id, login: a.login, full_name: a.full_name, roles: [...a.roles], active: a.active, password: '' };
}

/** Tick or untick a role, keeping the core's order. */
export function toggleRole(roles: readonly Role[], role: Role, on: boolean): Role[] {
  const set = new Set(roles);
  if (on) set.add(role);
  else set.delete(role);
  return ROLES.map((r) => r.code).filter((c) => set.has(c));
}

/** Whether the form differs from the account it edits (or, new, has anything typed). */
export function accountFormChanged(form: AccountForm, saved: Account | null): boolean {
  if (!saved) return form.login.trim() !== '' || form.full_name.trim() !== '' || form.password !== '';
  return (
    form.login !== saved.login ||
    form.full_name !== saved.full_name ||
    form.active !== saved.active ||
    form.password !== '' ||
    rolesText(form.roles) !== rolesText(saved.roles)
  );
}

/** The AccountInput to send, or the first plainly missing field (named as the core names it). */
export function formToAccountInput(form: AccountForm): { input: AccountInput } | { error: ErrorDto } {
  if (form.login.trim() === '') return { error: localError('login', 'Tên đăng nhập: chưa nhập.') };
  if (form.full_name.trim() === '') return { error: localError('full_name', 'Họ và tên: chưa nhập.') };
  if (form.roles.length === 0) {
    return { error: localError('roles', 'Vai trò: chọn ít nhất một vai trò cho tài khoản.') };
  }
  const isNew = form.id === null;
  if (isNew && form.password === '') {
    return { error: localError('password', 'Mật khẩu: chưa nhập (tài khoản mới cần mật khẩu).') };
  }
  return {
    input: {
      id: form.id,
      login: form.login.trim(),
      full_name: form.full_name.trim(),
      roles: [...form.roles],
      active: form.active,
      // Editing: an empty box keeps the password; the core checks the length of a new one.
      password: form.password === '' ? null : form.password,
    },
  };
}

/** The line said after a save. */
export function accountSavedText(account: Account, wasNew: boolean, passwordReset: boolean): string {
  if (wasNew) return `Đã tạo tài khoản “${account.login}” (${rolesText(account.roles)}).`;
  const reset = passwordReset ? ' Mật khẩu đã được đặt lại.' : '';
  const locked = account.active ? '' : ' Tài khoản đang bị khóa: không đăng nhập được.';
  return `Đã lưu tài khoản “${account.login}”.${reset}${locked}`;
}

/** The register's first account (made through the first-start command, which signs it in). */
export function firstAdminText(login: string): string {
  return `Đã tạo tài khoản quản trị “${login}” và đăng nhập bằng tài khoản này. Từ nay phần mềm yêu cầu đăng nhập.`;
}

/** Accounts listed: active ones first, then by login. */
export function sortAccounts(list: readonly Account[]): Account[] {
  return [...list].sort((a, b) => Number(b.active) - Number(a.active) || a.login.localeCompare(b.login, 'vi'));
}

/** Minutes of the idle lock as typed: a whole number (the core checks the range), or why not. */
export function parseIdleMinutes(text: string): { minutes: number } | { error: ErrorDto } {
  const t = text.trim();
  if (!/^\d{1,6}$/.test(t)) {
    return {
      error: localError('idle_lock_minutes', 'Tự khóa sau (phút): nhập một số nguyên, ví dụ 15; 0 là không tự khóa.'),
    };
  }
  return { minutes: Number(t) };
}

/** What the idle lock does, in words. */
export function idleLockText(minutes: number): string {
  return minutes === 0
    ? 'Phần mềm không tự khóa.'
    : `Phần mềm tự khóa sau ${minutes} phút không dùng; cần đăng nhập lại để tiếp tục.`;
}
