import { describe, expect, it } from 'vitest';
import type { Person } from './bindings/Person';
import { anyMasked, checkRevealReason, identityLines, isMasked, MASKED_NAME, mentionsMasked } from './privacy';

const masked: Person = {
  id: 'p1',
  full_name: MASKED_NAME,
  id_kind: 'none',
  id_number: null,
  address: null,
  phone: null,
  merged_into: null,
  masked: true,
};
const plain: Person = { ...masked, id: 'p2', full_name: 'Lê Văn Hùng', masked: false };

describe('masked persons', () => {
  it('are told by the core’s flag', () => {
    expect(isMasked(masked)).toBe(true);
    expect(isMasked(plain)).toBe(false);
    expect(isMasked({ ...plain, masked: undefined })).toBe(false);
    expect(isMasked(null)).toBe(false);
  });
  it('any masked among several', () => {
    expect(anyMasked([plain, masked])).toBe(true);
    expect(anyMasked([plain])).toBe(false);
    expect(anyMasked([])).toBe(false);
  });
  it('a search title carries the mask’s words', () => {
    expect(mentionsMasked(MASKED_NAME)).toBe(true);
    expect(mentionsMasked(`Đơn 3/2026 · ${MASKED_NAME}`)).toBe(true);
    expect(mentionsMasked('Lê Văn Hùng')).toBe(false);
  });
});

describe('the reason to reveal', () => {
  it('is required, at least 5 characters', () => {
    expect(checkRevealReason('  ')?.field).toBe('reason');
    expect(checkRevealReason('abc')?.message).toMatch(/ít nhất 5 ký tự/);
    expect(checkRevealReason('xác minh')).toBeNull();
  });
});

describe('the revealed identity', () => {
  it('lists what the record holds', () => {
    const real: Person = { ...plain, id_kind: 'can_cuoc', id_number: '001234567890', address: 'Tổ 5', phone: null };
    expect(identityLines(real, 'Căn cước')).toEqual([
      ['Họ và tên', 'Lê Văn Hùng'],
      ['Căn cước', '001234567890'],
      ['Địa chỉ', 'Tổ 5'],
    ]);
  });
});
