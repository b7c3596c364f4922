import { describe, expect, it } from 'vitest';
import type { Permission } from './bindings/Permission';
import {
  allowedShortcut,
  can,
  canOpenScreen,
  canSearch,
  landingScreen,
  rolesText,
  signInScreen,
  visibleScreens,
} from './access';

// The core's grants (src/access.rs), as the UI receives them in AccessInfo.permissions.
const OFFICER: Permission[] = ['view_totals', 'view_records', 'record'];
const LEADER: Permission[] = ['view_totals', 'view_records', 'reveal', 'report', 'export'];
const ADMIN: Permission[] = ['view_totals', 'manage_users', 'settings', 'backup', 'view_audit'];
const VIEWER: Permission[] = ['view_totals'];
const ALL: Permission[] = [...new Set([...OFFICER, ...LEADER, ...ADMIN])];

describe('screens by permission', () => {
  it('an officer sees everything but Cài đặt', () => {
    expect(visibleScreens(OFFICER)).toEqual([0, 1, 2, 3]);
  });
  it('a leader reads the records and the totals, not Cài đặt', () => {
    expect(visibleScreens(LEADER)).toEqual([0, 1, 2, 3]);
  });
  it('an administrator sees the totals and Cài đặt, never the records', () => {
    expect(visibleScreens(ADMIN)).toEqual([0, 3, 4]);
    expect(canSearch(ADMIN)).toBe(false);
  });
  it('a viewer sees only the totals', () => {
    expect(visibleScreens(VIEWER)).toEqual([0, 3]);
    expect(canSearch(VIEWER)).toBe(false);
  });
  it('Cài đặt opens for any one of the administrator’s permissions', () => {
    for (const p of ['settings', 'manage_users', 'backup', 'view_audit'] as Permission[]) {
      expect(canOpenScreen([p], 4)).toBe(true);
    }
    expect(canOpenScreen(['view_totals', 'record', 'reveal', 'export', 'report'], 4)).toBe(false);
  });
  it('a register without accounts (every permission) shows every screen', () => {
    expect(visibleScreens(ALL)).toEqual([0, 1, 2, 3, 4]);
    expect(canSearch(ALL)).toBe(true);
  });
  it('nobody signed in sees nothing', () => {
    expect(visibleScreens([])).toEqual([]);
    expect(landingScreen([], 0)).toBeNull();
  });
  it('an unknown screen is never open', () => {
    expect(canOpenScreen(ALL, 5)).toBe(false);
    expect(canOpenScreen(ALL, -1)).toBe(false);
  });
});

describe('landing screen and shortcuts', () => {
  it('keeps the screen the account may open', () => {
    expect(landingScreen(OFFICER, 2)).toBe(2);
  });
  it('moves off a screen the new account may not open', () => {
    expect(landingScreen(VIEWER, 2)).toBe(0);
    expect(landingScreen(['manage_users'], 1)).toBe(4);
  });
  it('another account signing in starts on Tổng quan, not where the one before left off', () => {
    expect(signInScreen(LEADER, 2, false)).toBe(0);
    expect(signInScreen(ALL, 4, false)).toBe(0);
    // An account without Tổng quan starts on its first screen.
    expect(signInScreen(['manage_users'], 2, false)).toBe(4);
  });
  it('the same account back after the window locked returns to its screen', () => {
    expect(signInScreen(OFFICER, 2, true)).toBe(2);
    expect(signInScreen(VIEWER, 2, true)).toBe(0);
  });
  it('an Alt+digit of a hidden screen does nothing', () => {
    expect(allowedShortcut(VIEWER, 1)).toBeNull();
    expect(allowedShortcut(VIEWER, 4)).toBeNull();
    expect(allowedShortcut(VIEWER, 3)).toBe(3);
    expect(allowedShortcut(ADMIN, 4)).toBe(4);
    expect(allowedShortcut(ADMIN, null)).toBeNull();
  });
  it('can tells a permission', () => {
    expect(can(LEADER, 'reveal')).toBe(true);
    expect(can(OFFICER, 'reveal')).toBe(false);
  });
});

describe('roles', () => {
  it('names the roles in the core’s order', () => {
    expect(rolesText(['admin', 'officer'])).toBe('Cán bộ tiếp dân, Quản trị');
    expect(rolesText(['leader'])).toBe('Lãnh đạo');
    expect(rolesText([])).toBe('');
  });
});
