import { describe, expect, it } from 'vitest';
import { checkPasswordChange, checkPasswords, checkSignIn, emptyFirstAdmin, firstAdminInput, firstAdminRoles } from './account';

describe('passwords typed twice', () => {
  it('must match', () => {
    expect(checkPasswords('matkhau-123', 'matkhau-123')).toBeNull();
    expect(checkPasswords('matkhau-123', 'matkhau-124')).toMatchObject({
      field: 'password_again',
      message: 'Hai lần nhập mật khẩu không giống nhau: hãy nhập lại.',
    });
  });
  it('are both needed', () => {
    expect(checkPasswords('', '')?.field).toBe('password');
    expect(checkPasswords('matkhau-123', '')?.field).toBe('password_again');
  });
  it('are compared exactly (a space or a capital is another password)', () => {
    expect(checkPasswords('matkhau-123', 'matkhau-123 ')).not.toBeNull();
    expect(checkPasswords('Matkhau-123', 'matkhau-123')).not.toBeNull();
  });
});

describe('the first administrator', () => {
  const filled = { ...emptyFirstAdmin(), login: ' quantri ', fullName: 'Quản trị viên ', password: 'matkhau-123', again: 'matkhau-123' };

  it('is an officer and the administrator by default', () => {
    expect(emptyFirstAdmin()).toMatchObject({ officer: true, leader: false });
    expect(firstAdminRoles(emptyFirstAdmin())).toEqual(['officer', 'admin']);
  });
  it('always holds the administrator role', () => {
    expect(firstAdminRoles({ officer: false, leader: false })).toEqual(['admin']);
    expect(firstAdminRoles({ officer: true, leader: true })).toEqual(['officer', 'leader', 'admin']);
  });
  it('sends the trimmed login and name and the password as typed', () => {
    expect(firstAdminInput(filled)).toEqual({
      input: {
        id: null,
        login: 'quantri',
        full_name: 'Quản trị viên',
        roles: ['officer', 'admin'],
        active: true,
        password: 'matkhau-123',
      },
    });
  });
  it('names the first missing field', () => {
    expect(firstAdminInput({ ...filled, login: ' ' })).toMatchObject({ error: { field: 'login' } });
    expect(firstAdminInput({ ...filled, fullName: '' })).toMatchObject({ error: { field: 'full_name' } });
    expect(firstAdminInput({ ...filled, again: 'khac' })).toMatchObject({ error: { field: 'password_again' } });
  });
});

describe('sign-in and a new password', () => {
  it('needs both fields to sign in', () => {
    expect(checkSignIn('', 'x')?.field).toBe('login');
    expect(checkSignIn('canbo', '')?.field).toBe('password');
    expect(checkSignIn('canbo', 'x')).toBeNull();
  });
  it('needs the current password and the new one twice, the same', () => {
    expect(checkPasswordChange('', 'a', 'a')?.field).toBe('old_password');
    expect(checkPasswordChange('old', '', '')?.field).toBe('new_password');
    expect(checkPasswordChange('old', 'moi-12345', '')?.field).toBe('new_password_again');
    expect(checkPasswordChange('old', 'moi-12345', 'moi-12346')?.field).toBe('new_password_again');
    expect(checkPasswordChange('old', 'moi-12345', 'moi-12345')).toBeNull();
  });
});
