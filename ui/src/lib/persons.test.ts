import { describe, expect, it } from 'vitest';
import type { PersonMatch } from './bindings/PersonMatch';
import {
  addPickedPerson,
  addTypedPerson,
  looksSpelled,
  emptyPerson,
  isBlankPerson,
  isReadonlyPerson,
  namedCount,
  personCorrection,
  personForCorrection,
  personLabel,
  removePerson,
  shouldSuggest,
  suggestKey,
  takeSuggestion,
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

/** What a masked denunciator's row sends: its id and the mask, nothing typed. */
const maskedInput = (id: string) => ({
  existing_id: id,
  full_name: 'Người tố cáo (được bảo mật)',
  id_kind: null,
  id_number: null,
  address: null,
  phone: null,
  correct: false,
});

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
    ).toEqual({ existing_id: null, full_name: 'Lê Thị Hoa', id_kind: null, id_number: null, address: 'Tổ 3', phone: null, correct: false });
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

  it('masked as a denunciator, has nothing to type in (a typed address was lost)', () => {
    const masked = {
      ...match,
      person: {
        ...match.person,
        full_name: 'Người tố cáo (được bảo mật)',
        id_kind: 'none' as const,
        id_number: null,
        address: null,
        phone: null,
        masked: true,
      },
    };
    const [row] = addPickedPerson([emptyPerson()], masked);
    expect(row.existing_id).toBe('p-1');
    expect([row.locked_number, row.locked_address, row.locked_phone]).toEqual([true, true, true]);
    expect(toPersonInput(row)).toEqual(maskedInput('p-1'));
  });
});

describe('persons of a visit being corrected', () => {
  const saved = {
    id: 'p-9',
    full_name: 'Nguyễn Văn Đúc',
    id_kind: 'can_cuoc' as const,
    id_number: '001090001234',
    address: null,
    phone: '0912345678',
    merged_into: null,
  };

  it('are editable rows that remember what is stored', () => {
    const row = personForCorrection(saved);
    expect(row.existing_id).toBe('p-9');
    expect(isReadonlyPerson(row)).toBe(false);
    expect(row.locked_number).toBe(false);
    expect(personCorrection(row)).toBeNull();
  });

  it('keep a masked denunciator as shown, sent unchanged by its id', () => {
    const masked = {
      ...saved,
      full_name: 'Người tố cáo (được bảo mật)',
      id_kind: 'none' as const,
      id_number: null,
      phone: null,
      masked: true,
    };
    const row = personForCorrection(masked);
    expect(isReadonlyPerson(row)).toBe(true);
    expect(row.original).toBeUndefined();
    expect(personCorrection(row)).toBeNull();
    expect(toPersonInput(row)).toEqual(maskedInput('p-9'));
    // Typing into it changes nothing sent as a correction.
    expect(personCorrection({ ...row, full_name: 'Tên khác' })).toBeNull();
  });

  it('give the person correction when a particular differs', () => {
    const row = { ...personForCorrection(saved), full_name: ' Nguyễn Văn Đức ' };
    expect(personCorrection(row)).toEqual({
      existing_id: null,
      full_name: 'Nguyễn Văn Đức',
      id_kind: 'can_cuoc',
      id_number: '001090001234',
      address: null,
      phone: '0912345678',
      correct: false,
    });
    // Sent with the visit, it asks the core to correct the record in the same save.
    expect(toPersonInput(row)).toMatchObject({ existing_id: saved.id, full_name: 'Nguyễn Văn Đức', correct: true });
    expect(toPersonInput(personForCorrection(saved)).correct).toBe(false);
  });

  it('a person picked from the lookup stays read-only and is never corrected', () => {
    const picked = addPickedPerson([emptyPerson()], match)[0];
    expect(isReadonlyPerson(picked)).toBe(true);
    expect(personCorrection({ ...picked, full_name: 'X Y' })).toBeNull();
    expect(isReadonlyPerson(emptyPerson())).toBe(false);
  });
});

describe('suggestions while typing a new person', () => {
  const row = (full_name: string, id_number = '') => ({ ...emptyPerson(), full_name, id_number });

  it('are asked for a name of two words or an identity number', () => {
    expect(shouldSuggest(row('Đức'))).toBe(false);
    expect(shouldSuggest(row('  Nguyễn   '))).toBe(false);
    expect(shouldSuggest(row('Nguyễn Đức'))).toBe(true);
    expect(shouldSuggest(row('', '0010'))).toBe(true);
    expect(shouldSuggest({ ...row('Nguyễn Đức'), existing_id: 'p-1' })).toBe(false);
  });

  it('are asked again only when the name, number or address changes', () => {
    expect(suggestKey(row('Nguyễn  Đức'))).toBe(suggestKey(row(' nguyễn Đức ')));
    expect(suggestKey(row('Nguyễn Đức'))).not.toBe(suggestKey(row('Nguyễn Đức', '1')));
    expect(suggestKey(row('Nguyễn Đức'))).toBe(suggestKey({ ...row('Nguyễn Đức'), phone: '09' }));
  });

  it('taking one keeps what was typed where the register has nothing', () => {
    const typed = { ...row('Nguyen Van Duc'), address: 'Tổ 9', phone: '0988' };
    const taken = takeSuggestion(typed, match);
    expect(taken.existing_id).toBe('p-1');
    expect(taken.full_name).toBe('Nguyễn Văn Đức');
    expect(taken.address).toBe('Tổ 5');
    expect(taken.phone).toBe('0988');
    expect(taken.locked_number).toBe(true);
    // What the register holds is shown, not edited; what it lacks stays typed and editable.
    expect(taken.locked_address).toBe(true);
    expect(taken.locked_phone).toBe(false);
  });
});

describe('a person typed in the lookup and found nowhere', () => {
  it('starts the first blank row with the name typed', () => {
    const r = addTypedPerson([emptyPerson()], '  Đặng Văn Mới ');
    expect(r.index).toBe(0);
    expect(r.persons).toHaveLength(1);
    expect(r.persons[0].full_name).toBe('Đặng Văn Mới');
    expect(r.persons[0].id_number).toBe('');
  });
  it('takes digits as the ID number', () => {
    const r = addTypedPerson([emptyPerson()], '001090001234');
    expect(r.persons[0].id_number).toBe('001090001234');
    expect(r.persons[0].full_name).toBe('');
  });
  it('takes an ID number typed with spaces or dots as the number', () => {
    expect(addTypedPerson([emptyPerson()], '001 090.001234').persons[0].id_number).toBe('001090001234');
  });
  it('tells a name spelled out from one typed as searched', () => {
    expect(looksSpelled('Đặng Văn Mới')).toBe(true);
    expect(looksSpelled('Nguyen Van Duc')).toBe(true);
    expect(looksSpelled('nguyen van duc')).toBe(false);
  });
  it('adds a row after people already named', () => {
    const named = { ...emptyPerson(), full_name: 'Lê Văn A' };
    const r = addTypedPerson([named], 'Trần Thị B');
    expect(r.index).toBe(1);
    expect(r.persons.map((p) => p.full_name)).toEqual(['Lê Văn A', 'Trần Thị B']);
  });
});
