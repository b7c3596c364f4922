// What the signed-in account may see and do, as pure functions of its permissions (the
// core's `AccessInfo.permissions`). The UI hides what the account cannot use; the core
// refuses it anyway.
import type { Permission } from './bindings/Permission';
import type { Role } from './bindings/Role';

/** The roles' names (the core's `Role` labels; the catalogue does not carry them). */
export const ROLE_LABELS: Record<Role, string> = {
  officer: 'Cán bộ tiếp dân',
  leader: 'Lãnh đạo',
  admin: 'Quản trị',
  viewer: 'Chỉ xem số liệu',
};

export const ROLE_ORDER: readonly Role[] = ['officer', 'leader', 'admin', 'viewer'];

/** "Cán bộ tiếp dân, Quản trị": an account's roles, in the core's order. */
export function rolesText(roles: readonly Role[]): string {
  return ROLE_ORDER.filter((r) => roles.includes(r))
    .map((r) => ROLE_LABELS[r])
    .join(', ');
}

/** Whether the permissions include `p`. */
export function can(permissions: readonly Permission[], p: Permission): boolean {
  return permissions.includes(p);
}

/**
 * What each screen of the top bar needs (any one of them), by index of `SCREENS`:
 * Tổng quan and Tổng hợp the totals, the register and the petitions the records, Cài đặt
 * any of the administrator's permissions.
 */
export const SCREEN_NEEDS: readonly (readonly Permission[])[] = [
  ['view_totals'],
  ['view_records'],
  ['view_records'],
  ['view_totals'],
  ['settings', 'manage_users', 'backup', 'view_audit'],
];

/** Whether the account may open screen `index`. */
export function canOpenScreen(permissions: readonly Permission[], index: number): boolean {
  const needs = SCREEN_NEEDS[index];
  return needs !== undefined && needs.some((p) => permissions.includes(p));
}

/** The screens (indexes) the account may open, in the top bar's order. */
export function visibleScreens(permissions: readonly Permission[]): number[] {
  return SCREEN_NEEDS.map((_, i) => i).filter((i) => canOpenScreen(permissions, i));
}

/**
 * The screen to show: `current` if the account may open it, else the first it may open
 * (null: none at all).
 */
export function landingScreen(permissions: readonly Permission[], current: number): number | null {
  if (canOpenScreen(permissions, current)) return current;
  return visibleScreens(permissions)[0] ?? null;
}

/**
 * The screen a sign-in opens: the same account coming back (the window was locked) returns
 * to the screen it was on; another account starts on Tổng quan (or its first screen), never
 * on the screen the account before left open.
 */
export function signInScreen(
  permissions: readonly Permission[],
  current: number,
  sameAccount: boolean,
): number | null {
  return landingScreen(permissions, sameAccount ? current : 0);
}

/** An Alt+digit shortcut's screen, if the account may open it (else null: the key does nothing). */
export function allowedShortcut(permissions: readonly Permission[], target: number | null): number | null {
  return target !== null && canOpenScreen(permissions, target) ? target : null;
}

/** The search box (Ctrl+K) finds records: it needs the right to read them. */
export function canSearch(permissions: readonly Permission[]): boolean {
  return can(permissions, 'view_records');
}

/** Pages of records (a person, a case, a petition) open only for an account that reads records. */
export function canOpenRecords(permissions: readonly Permission[]): boolean {
  return can(permissions, 'view_records');
}
