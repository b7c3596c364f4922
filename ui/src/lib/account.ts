// The account forms (the first administrator, signing in, a new password): what the UI
// checks for comfort before the core decides (the core checks the length and the rest).
import type { AccountInput } from './bindings/AccountInput';
import type { ErrorDto } from './bindings/ErrorDto';
import type { Role } from './bindings/Role';
import { localError } from './errors';

export interface FirstAdminForm {
  login: string;
  fullName: string;
  password: string;
  again: string;
  /** "Cán bộ tiếp dân" ticked (the default: a small ward's one officer is its administrator). */
  officer: boolean;
  /** "Lãnh đạo" ticked. */
  leader: boolean;
}

export function emptyFirstAdmin(): FirstAdminForm {
  return { login: '', fullName: '', password: '', again: '', officer: true, leader: false };
}

/** The password typed twice, or why not (shown at the field named `field`). */
export function checkPasswords(password: string, again: string, field = 'password_again'): ErrorDto | null {
  if (password === '') return localError('password', 'Mật khẩu: chưa nhập mật khẩu.');
  if (again === '') return localError(field, 'Nhập lại mật khẩu để chắc chắn không gõ nhầm.');
  if (password !== again) return localError(field, 'Hai lần nhập mật khẩu không giống nhau: hãy nhập lại.');
  return null;
}

/** The roles of the first account: the administrator always, and what is ticked. */
export function firstAdminRoles(form: Pick<FirstAdminForm, 'officer' | 'leader'>): Role[] {
  const roles: Role[] = [];
  if (form.officer) roles.push('officer');
  if (form.leader) roles.push('leader');
  roles.push('admin');
  return roles;
}

/** What is sent to `createFirstAdmin`, or the first problem the UI sees itself. */
export function firstAdminInput(form: FirstAdminForm): { input: AccountInput } | { error: ErrorDto } {
  if (form.login.trim() === '') return { error: localError('login', 'Tên đăng nhập: chưa nhập, ví dụ “quantri”.') };
  if (form.fullName.trim() === '') return { error: localError('full_name', 'Họ và tên: chưa nhập họ và tên người quản trị.') };
  const pw = checkPasswords(form.password, form.again);
  if (pw) return { error: pw };
  return {
    input: {
      id: null,
      login: form.login.trim(),
      full_name: form.fullName.trim(),
      roles: firstAdminRoles(form),
      active: true,
      password: form.password,
    },
  };
}

/** The sign-in form: both fields typed, or which is missing. */
export function checkSignIn(login: string, password: string): ErrorDto | null {
  if (login.trim() === '') return localError('login', 'Tên đăng nhập: chưa nhập.');
  if (password === '') return localError('password', 'Mật khẩu: chưa nhập.');
  return null;
}

/** "Đổi mật khẩu": the current one, and the new one typed twice. */
export function checkPasswordChange(current: string, next: string, again: string): ErrorDto | null {
  if (current === '') return localError('old_password', 'Mật khẩu hiện tại: chưa nhập.');
  if (next === '') return localError('new_password', 'Mật khẩu mới: chưa nhập.');
  if (again === '') return localError('new_password_again', 'Nhập lại mật khẩu mới để chắc chắn không gõ nhầm.');
  if (next !== again) return localError('new_password_again', 'Hai lần nhập mật khẩu mới không giống nhau: hãy nhập lại.');
  return null;
}
