import { beforeEach, describe, expect, it } from 'vitest';
import type { AccessInfo } from './bindings/AccessInfo';
import type { ErrorDto } from './bindings/ErrorDto';
import { session, signedOut, signInRequired, unlocked } from './session.svelte';

const refused: ErrorDto = { code: 'sign_in_required', message: 'Chưa đăng nhập: hãy đăng nhập để tiếp tục.', field: null };

function access(user: AccessInfo['user']): AccessInfo {
  return { has_accounts: true, user, permissions: [], idle_lock_minutes: 15 };
}

describe('a command refused for want of a sign-in', () => {
  beforeEach(() => unlocked(access(null)));

  it('locks the window of a signed-in account, with the core message', () => {
    unlocked(access({ id: 'u1', login: 'canbo', full_name: 'Cán bộ', roles: ['officer'] }));
    signInRequired(refused);
    expect(session.locked).toBe(true);
    expect(session.lockedMessage).toBe(refused.message);
  });

  it('shows no warning after a deliberate sign-out', () => {
    signedOut(access(null));
    signInRequired(refused);
    expect(session.locked).toBe(false);
    expect(session.lockedMessage).toBeNull();
  });

  it('says why when nobody is signed in otherwise (a restore without the account)', () => {
    const gone = { ...refused, message: 'Tài khoản này đã bị khóa.' };
    signInRequired(gone);
    expect(session.locked).toBe(true);
    expect(session.lockedMessage).toBe(gone.message);
  });

  it('is never refused in a register without accounts', () => {
    unlocked({ ...access(null), has_accounts: false });
    signInRequired(refused);
    expect(session.locked).toBe(false);
  });
});
