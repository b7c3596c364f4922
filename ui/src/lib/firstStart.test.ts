import { describe, expect, it } from 'vitest';
import type { Settings } from './bindings/Settings';
import { checkUnitName, firstStartSettings, initialUnitName } from './firstStart';

const base: Settings = {
  unit_name: 'phường',
  reception_team_name: 'Ban tiếp công dân',
  sample_offered: false,
  deadlines: {
    first_reply_working_days: 10,
    processing_working_days: 10,
    plain_days_working: false,
    complaint_acceptance_working_days: 7,
    unprocessed_days: 45,
    due_soon_working_days: 3,
    remote_area: false,
    proposal_resolution_days: 0,
  },
  report: {
    place: 'Việt Hòa',
    signer_authority: 'TM. ỦY BAN NHÂN DÂN',
    signer_title: 'CHỦ TỊCH',
    signer_name: 'Nguyễn Văn An',
    recipients: '- UBND tỉnh (qua Thanh tra tỉnh);\n- Lưu: VT.',
    chairman_days_per_month: 2,
    export_dir: '',
  },
};

describe('the first start asks for the ward’s name', () => {
  it('starts empty while the register is only called “phường”', () => {
    expect(initialUnitName('phường')).toBe('');
    expect(initialUnitName(' Xã ')).toBe('');
    expect(initialUnitName('phường Việt Hòa')).toBe('phường Việt Hòa');
  });
  it('takes a name, spaces tidied', () => {
    expect(checkUnitName('  phường   Việt Hòa ')).toEqual({ name: 'phường Việt Hòa' });
    expect(checkUnitName('xã Tân Lập')).toEqual({ name: 'xã Tân Lập' });
  });
  it('asks again for an empty name or the level word alone, on the name’s field', () => {
    const empty = checkUnitName('  ');
    expect('error' in empty && empty.error.field).toBe('unit_name');
    expect('error' in empty && empty.error.message).toMatch(/ví dụ “phường Việt Hòa”/);
    const bare = checkUnitName('phường');
    expect('error' in bare && bare.error.message).toBe('Tên đơn vị: ghi cả tên, ví dụ “phường Việt Hòa”, không chỉ “phường”.');
  });
  it('saves the name with the answer, keeping the other settings', () => {
    expect(firstStartSettings(base, 'phường Việt Hòa')).toEqual({ ...base, unit_name: 'phường Việt Hòa', sample_offered: true });
  });
});
