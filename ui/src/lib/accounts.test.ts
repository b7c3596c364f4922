import { describe, expect, it } from 'vitest';
import type { Account } from './bindings/Account';
import {
  accountFormChanged,
  accountFormOf,
  accountSavedText,
  firstAdminText,
  formToAccountInput,
  idleLockText,
  newAccountForm,
  parseIdleMinutes,
  rolesText,
  ROLES,
  sortAccounts,
  toggleRole,
} from './accounts';

const canbo: Account = {
  id: 'u-1',
  login: 'canbo1',
  full_name: 'Nguyễn Văn An',
  roles: ['officer'],
  active: true,
  created_at: '2026-11-30T08:00:00Z',
};

describe('roles', () => {
  it('are labelled as the core labels them, in its order', () => {
    expect(ROLES.map((r) => r.label)).toEqual(['Cán bộ tiếp dân', 'Lãnh đạo', 'Quản trị', 'Chỉ xem số liệu']);
    expect(rolesText(['admin', 'officer'])).toBe('Cán bộ tiếp dân, Quản trị');
    expect(rolesText([])).toBe('');
  });
  it('are ticked and unticked in the core order, never twice', () => {
    expect(toggleRole(['admin'], 'officer', true)).toEqual(['officer', 'admin']);
    expect(toggleRole(['officer', 'admin'], 'officer', true)).toEqual(['officer', 'admin']);
    expect(toggleRole(['officer', 'admin'], 'admin', false)).toEqual(['officer']);
  });
});

describe('the account form', () => {
  it('a new account needs a login, a name, a role and a password, each named as the core names it', () => {
    const f = newAccountForm();
    expect(f.roles).toEqual(['officer']);
    expect(f.active).toBe(true);
    const field = (form: typeof f) => {
      const r = formToAccountInput(form);
      return 'error' in r ? r.error.field : null;
    };
    expect(field(f)).toBe('login');
    expect(field({ ...f, login: 'canbo1' })).toBe('full_name');
    expect(field({ ...f, login: 'canbo1', full_name: 'An', roles: [] })).toBe('roles');
    expect(field({ ...f, login: 'canbo1', full_name: 'An' })).toBe('password');
    const r = formToAccountInput({ ...f, login: ' canbo1 ', full_name: ' Nguyễn Văn An ', password: 'matkhau-1' });
    expect(r).toEqual({
      input: { id: null, login: 'canbo1', full_name: 'Nguyễn Văn An', roles: ['officer'], active: true, password: 'matkhau-1' },
    });
  });

  it('leaves the length of a password to the core (its message names the field)', () => {
    const r = formToAccountInput({ ...newAccountForm(), login: 'a1', full_name: 'A', password: 'ngan' });
    expect('input' in r && r.input.password).toBe('ngan');
  });

  it('editing: an empty password keeps it, a typed one resets it', () => {
    const f = accountFormOf(canbo);
    expect(f).toEqual({ id: 'u-1', login: 'canbo1', full_name: 'Nguyễn Văn An', roles: ['officer'], active: true, password: '' });
    const kept = formToAccountInput(f);
    expect('input' in kept && kept.input.password).toBe(null);
    const reset = formToAccountInput({ ...f, password: 'moi-12345' });
    expect('input' in reset && reset.input.password).toBe('moi-12345');
    const locked = formToAccountInput({ ...f, active: false });
    expect('input' in locked && locked.input.active).toBe(false);
  });

  it('knows when it holds unsaved changes', () => {
    expect(accountFormChanged(newAccountForm(), null)).toBe(false);
    expect(accountFormChanged({ ...newAccountForm(), login: 'x' }, null)).toBe(true);
    const f = accountFormOf(canbo);
    expect(accountFormChanged(f, canbo)).toBe(false);
    expect(accountFormChanged({ ...f, roles: ['officer', 'leader'] }, canbo)).toBe(true);
    expect(accountFormChanged({ ...f, active: false }, canbo)).toBe(true);
    expect(accountFormChanged({ ...f, password: 'x' }, canbo)).toBe(true);
  });

  it('says what was saved', () => {
    expect(accountSavedText(canbo, true, false)).toBe('Đã tạo tài khoản “canbo1” (Cán bộ tiếp dân).');
    expect(accountSavedText(canbo, false, false)).toBe('Đã lưu tài khoản “canbo1”.');
    expect(accountSavedText(canbo, false, true)).toBe('Đã lưu tài khoản “canbo1”. Mật khẩu đã được đặt lại.');
    expect(accountSavedText({ ...canbo, active: false }, false, false)).toBe(
      'Đã lưu tài khoản “canbo1”. Tài khoản đang bị khóa: không đăng nhập được.',
    );
  });

  it('says the first account is signed in', () => {
    expect(firstAdminText('quantri')).toBe(
      'Đã tạo tài khoản quản trị “quantri” và đăng nhập bằng tài khoản này. Từ nay phần mềm yêu cầu đăng nhập.',
    );
  });

  it('lists active accounts first, then by login', () => {
    const a = (login: string, active: boolean): Account => ({ ...canbo, id: login, login, active });
    expect(sortAccounts([a('b', false), a('c', true), a('a', true)]).map((x) => x.login)).toEqual(['a', 'c', 'b']);
  });
});

describe('the idle lock', () => {
  it('reads whole minutes and leaves the range to the core', () => {
    expect(parseIdleMinutes(' 15 ')).toEqual({ minutes: 15 });
    expect(parseIdleMinutes('0')).toEqual({ minutes: 0 });
    expect(parseIdleMinutes('600')).toEqual({ minutes: 600 });
    for (const bad of ['', 'mười', '1.5', '-3', '9999999']) {
      const r = parseIdleMinutes(bad);
      expect('error' in r && r.error.field).toBe('idle_lock_minutes');
    }
  });
  it('says what it does', () => {
    expect(idleLockText(0)).toBe('Phần mềm không tự khóa.');
    expect(idleLockText(15)).toMatch(/^Phần mềm tự khóa sau 15 phút không dùng/);
  });
});
