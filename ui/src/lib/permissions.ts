// What the signed-in account may do, as the core's access_info says: the screens show a
// section only with its permission (the core refuses the command anyway).
import type { Permission } from './bindings/Permission';

/** Whether `permissions` (from accessInfo()) hold `p`; nothing known yet: no. */
export function can(permissions: readonly Permission[] | null | undefined, p: Permission): boolean {
  return permissions?.includes(p) ?? false;
}
