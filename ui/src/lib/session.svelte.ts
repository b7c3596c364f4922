// Who is signed in, what they may do, and whether the window is locked. `api.ts`'s `call`
// tells this store when the core refuses a command for want of a sign-in (nobody signed
// in, or the core's idle lock fired): the app then shows the sign-in screen with the
// core's message.
import type { AccessInfo } from './bindings/AccessInfo';
import type { ErrorDto } from './bindings/ErrorDto';
import type { Permission } from './bindings/Permission';

export const session = $state({
  /** What the core said at the last sign-in (null until the app has asked). */
  access: null as AccessInfo | null,
  /** Why the sign-in screen shows over a session that was open (the core's message), or null. */
  lockedMessage: null as string | null,
  /** The window is locked: the screens are hidden and inert until someone signs in. */
  locked: false,
  /** Whoever was signed in signed out on purpose (until the next sign-in). */
  signedOut: false,
});

/**
 * The permissions of whoever is signed in. Kept while the window is locked (the screens
 * are hidden and inert then, and keep their half-typed forms for the same account).
 */
export function permissions(): Permission[] {
  return session.access?.permissions ?? [];
}

/** Whether the signed-in account may do `p` (the core decides anyway). */
export function allowed(p: Permission): boolean {
  return permissions().includes(p);
}

/**
 * The core refused a command: nobody is signed in (any more). Called by `api.ts` for every
 * `sign_in_required`; the app shows the sign-in screen with this message.
 */
export function signInRequired(error: ErrorDto): void {
  // Without accounts nothing is ever refused for want of a sign-in.
  if (session.access && !session.access.has_accounts) return;
  // Signed out on purpose: the sign-in screen shows already; a screen's last call refused
  // then is no warning to show on it. (Any other refusal says why: the core's idle lock,
  // an account locked or gone after a restore.)
  if (session.signedOut && !session.locked) return;
  session.locked = true;
  session.lockedMessage = error.message;
}

/** Someone signed in (again): the window opens. */
export function unlocked(access: AccessInfo): void {
  session.access = access;
  session.locked = false;
  session.lockedMessage = null;
  session.signedOut = false;
}

/** The account signed out on purpose ("Đăng xuất"): the sign-in screen, with no warning. */
export function signedOut(access: AccessInfo): void {
  unlocked(access);
  session.signedOut = true;
}
