import { describe, expect, it } from 'vitest';
import type { PersonMatch } from './bindings/PersonMatch';
import {
  addPickedPerson,
  emptyPerson,
  isBlankPerson,
  namedCount,
  personLabel,
  removePerson,
  toPersonInput,
  toPersonInputs,
} from './persons';

const match: PersonMatch = {
  person: {
    id: 'p-1',
    full_name: 'Nguyễn Văn Đức',
    id_kind: 'can_cuoc',
    id_number: '001203004567',
    address: 'Tổ 5',
    phone: null,
    merged_into: null,
  },
  cases: [],
};

describe('person drafts', () => {
  it('tells blank and named rows', () => {
    expect(isBlankPerson(emptyPerson())).toBe(true);
    expect(isBlankPerson({ ...emptyPerson(), phone: ' 09 ' })).toBe(false);
    expect(namedCount([emptyPerson(), { ...emptyPerson(), full_name: 'A' }, { ...emptyPerson(), address: 'x' }])).toBe(1);
    expect(namedCount([{ ...emptyPerson(), existing_id: 'p' }])).toBe(1);
  });

  it('trims and turns empty text into null', () => {
    expect(
      toPersonInput({ ...emptyPerson(), full_name: ' Lê Thị Hoa ', id_number: ' ', address: 'Tổ 3' }),
    ).toEqual({ existing_id: null, full_name: 'Lê Thị Hoa', id_kind: null, id_number: null, address: 'Tổ 3', phone: null });
  });

  it('drops blank rows and remembers where each sent person came from', () => {
    const rows = [emptyPerson(), { ...emptyPerson(), full_name: 'A' }, emptyPerson(), { ...emptyPerson(), full_name: 'B' }];
    const { persons, sentToRow } = toPersonInputs(rows);
    expect(persons.map((p) => p.full_name)).toEqual(['A', 'B']);
    expect(sentToRow).toEqual([1, 3]);
  });

  it('puts a picked person in the first blank row, once', () => {
    const one = addPickedPerson([emptyPerson()], match);
    expect(one).toHaveLength(1);
    expect(one[0].existing_id).toBe('p-1');
    expect(one[0].id_number).toBe('001203004567');
    expect(one[0].phone).toBe('');
    expect(addPickedPerson(one, match)).toBe(one);
    const two = addPickedPerson([{ ...emptyPerson(), full_name: 'X' }], match);
    expect(two.map((p) => p.full_name)).toEqual(['X', 'Nguyễn Văn Đức']);
  });

  it('always keeps one row', () => {
    expect(removePerson([{ ...emptyPerson(), full_name: 'X' }], 0)).toEqual([emptyPerson()]);
    const rows = [1, 2, 3].map((n) => ({ ...emptyPerson(), full_name: String(n) }));
    expect(removePerson(rows, 1).map((p) => p.full_name)).toEqual(['1', '3']);
  });

  it('labels rows after the first uniquely', () => {
    expect(personLabel('Họ và tên', 0)).toBe('Họ và tên');
    expect(personLabel('Họ và tên', 1)).toBe('Họ và tên (người 2)');
  });
});

describe('a picked person', () => {
  it('shows the number on record without letting it be edited', () => {
    const [picked] = addPickedPerson([emptyPerson()], match);
    expect(picked.existing_id).toBe(match.person.id);
    expect(picked.locked_number).toBe(true);
    const noNumber = { ...match, person: { ...match.person, id: 'p-2', id_number: null } };
    const [open] = addPickedPerson([emptyPerson()], noNumber);
    expect(open.locked_number).toBe(false);
    expect(emptyPerson().locked_number).toBe(false);
  });
});
