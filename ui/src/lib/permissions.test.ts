import { describe, expect, it } from 'vitest';
import { can } from './permissions';

describe('permissions', () => {
  it('holds only what access_info granted', () => {
    expect(can(['view_totals', 'backup'], 'backup')).toBe(true);
    expect(can(['view_totals', 'backup'], 'manage_users')).toBe(false);
  });
  it('grants nothing before access_info answered', () => {
    expect(can(null, 'view_audit')).toBe(false);
    expect(can(undefined, 'settings')).toBe(false);
    expect(can([], 'settings')).toBe(false);
  });
});
