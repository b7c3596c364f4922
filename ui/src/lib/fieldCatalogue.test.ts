import { describe, expect, it } from 'vitest';
import { catalogueChanged, fieldToSave, isChanged, newField } from './fieldCatalogue';

describe('field catalogue editor', () => {
  it('starts a new field with no code, active, in the "other" groups', () => {
    const f = newField();
    expect(f.code).toBe('');
    expect(f.active).toBe(true);
    expect(f.complaint_group).toBe('other');
  });

  it('trims names and codes before saving', () => {
    const f = { ...newField(), code: ' gt ', name: '  Giao thông  ' };
    expect(fieldToSave(f)).toMatchObject({ code: 'gt', name: 'Giao thông' });
  });

  it('sees a change in the name, a group or the active flag only', () => {
    const saved = { ...newField(), code: 'gt', name: 'Giao thông' };
    expect(isChanged(saved, { ...saved })).toBe(false);
    expect(isChanged(saved, { ...saved, name: 'Giao thông ' })).toBe(false);
    expect(isChanged(saved, { ...saved, name: 'Giao thông vận tải' })).toBe(true);
    expect(isChanged(saved, { ...saved, active: false })).toBe(true);
    expect(isChanged(saved, { ...saved, proposal_group: 'land' })).toBe(true);
    expect(isChanged(undefined, saved)).toBe(true);
  });

  it('holds unsaved work when a row is changed or a new name is typed', () => {
    const saved = [{ ...newField(), code: 'gt', name: 'Giao thông' }];
    const rows = saved.map((f) => ({ ...f }));
    expect(catalogueChanged(saved, rows, newField())).toBe(false);
    expect(catalogueChanged(saved, [{ ...rows[0], active: false }], newField())).toBe(true);
    expect(catalogueChanged(saved, rows, { ...newField(), name: 'Điện lực' })).toBe(true);
    expect(catalogueChanged(saved, rows, { ...newField(), name: '  ' })).toBe(false);
  });
});
