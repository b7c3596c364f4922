import { describe, expect, it } from 'vitest';
import type { Field } from './bindings/Field';
import { activeFields, fieldName, labelOf } from './catalogue';

const kinds = [
  { code: 'complaint', label: 'Khiếu nại' },
  { code: 'proposal', label: 'Kiến nghị, phản ánh' },
];
const field = (code: string, name: string, active: boolean): Field => ({
  code,
  name,
  active,
  complaint_group: 'other',
  denunciation_group: 'other',
  proposal_group: 'other',
});
const fields = [field('dat_dai', 'Đất đai', true), field('cu', 'Lĩnh vực cũ', false)];

describe('catalogue helpers', () => {
  it('labelOf', () => {
    expect(labelOf(kinds, 'proposal')).toBe('Kiến nghị, phản ánh');
    expect(labelOf(kinds, 'unknown')).toBe('unknown');
    expect(labelOf(kinds, null)).toBe('');
  });
  it('fieldName', () => {
    expect(fieldName(fields, 'dat_dai')).toBe('Đất đai');
    expect(fieldName(fields, null)).toBe('');
  });
  it('activeFields keeps inactive ones only when asked', () => {
    expect(activeFields(fields).map((f) => f.code)).toEqual(['dat_dai']);
    expect(activeFields(fields, 'cu').map((f) => f.code)).toEqual(['dat_dai', 'cu']);
  });
});
