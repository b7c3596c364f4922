import { describe, expect, it } from 'vitest';
import type { Person } from './bindings/Person';
import type { PersonDetail } from './bindings/PersonDetail';
import { compareRows, idText, mergeCandidates } from './personPanel';

const idKinds = [{ code: 'can_cuoc', label: 'Căn cước' }];
const person = (patch: Partial<Person>): Person => ({
  id: 'p-1',
  full_name: 'Nguyễn Văn Đức',
  id_kind: 'none',
  id_number: null,
  address: null,
  phone: null,
  merged_into: null,
  ...patch,
});
const detail = (p: Person, visits = 0): PersonDetail =>
  ({ person: p, cases: [], visits: new Array(visits).fill({}), petitions: [], merges: [], history: [] }) as PersonDetail;

describe('two records side by side', () => {
  it('line up each particular and mark where they differ', () => {
    const kept = detail(person({ id_kind: 'can_cuoc', id_number: '001090001234', address: 'Tổ 5' }), 2);
    const other = detail(person({ id: 'p-2', full_name: 'Nguyen Van Duc', address: 'Tổ 5' }), 1);
    expect(compareRows(kept, other, idKinds)).toEqual([
      { label: 'Họ và tên', kept: 'Nguyễn Văn Đức', other: 'Nguyen Van Duc', differs: true },
      { label: 'Giấy tờ', kept: 'Căn cước 001090001234', other: '—', differs: true },
      { label: 'Địa chỉ', kept: 'Tổ 5', other: 'Tổ 5', differs: false },
      { label: 'Số điện thoại', kept: '—', other: '—', differs: false },
      {
        label: 'Hồ sơ có',
        kept: '0 vụ việc, 2 lượt tiếp, 0 đơn',
        other: '0 vụ việc, 1 lượt tiếp, 0 đơn',
        differs: false,
      },
    ]);
  });

  it('offer neither the page person nor a record merged away', () => {
    const found = [
      { person: person({}), cases: [] },
      { person: person({ id: 'p-2' }), cases: [] },
      { person: person({ id: 'p-3', merged_into: 'p-9' }), cases: [] },
    ];
    expect(mergeCandidates(found, 'p-1').map((m) => m.person.id)).toEqual(['p-2']);
    expect(idText(person({}), idKinds)).toBe('—');
  });
});
