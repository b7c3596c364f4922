import { describe, expect, it } from 'vitest';
import {
  badDateMessage,
  fieldMessage,
  localError,
  parseIndexedField,
  remapPersonError,
  shownAtField,
  toErrorDto,
} from './errors';

describe('toErrorDto', () => {
  it('keeps an ErrorDto from the core', () => {
    const e = { code: 'invalid', field: 'date', message: 'Ngày tiếp: chưa nhập ngày.' };
    expect(toErrorDto(e)).toEqual(e);
  });
  it('fills a missing field with null', () => {
    expect(toErrorDto({ code: 'x', message: 'm' })).toEqual({ code: 'x', field: null, message: 'm' });
  });
  it('wraps strings and Errors', () => {
    expect(toErrorDto('command not found')).toEqual({ code: 'ipc', field: null, message: 'command not found' });
    expect(toErrorDto(new Error('boom')).message).toContain('boom');
  });
  it('never returns an empty message', () => {
    for (const v of [undefined, null, 42, {}, '', { code: 1, message: 'x' }]) {
      const e = toErrorDto(v);
      expect(e.message.length).toBeGreaterThan(0);
      expect(e.field).toBeNull();
    }
  });
});

describe('fieldMessage', () => {
  const e = localError('headcount', 'Số người phải từ 1 trở lên.');
  it('matches only the named field', () => {
    expect(fieldMessage(e, 'headcount')).toBe('Số người phải từ 1 trở lên.');
    expect(fieldMessage(e, 'content')).toBeNull();
    expect(fieldMessage(null, 'headcount')).toBeNull();
    expect(fieldMessage(localError(null, 'x'), 'headcount')).toBeNull();
  });
});

describe('shownAtField', () => {
  const m = 'Ngày nhận đơn: ngày 05/12/2026 ở sau hôm nay.';
  it('finds the message under an input, whitespace aside', () => {
    expect(shownAtField(['Nội dung đơn: chưa nhập.', `  ${m}\n`], m)).toBe(true);
  });
  it('is false when no input shows it (the banner must)', () => {
    expect(shownAtField([], m)).toBe(false);
    expect(shownAtField(['Nội dung đơn: chưa nhập.'], m)).toBe(false);
    expect(shownAtField([m.slice(0, 20)], m)).toBe(false);
    expect(shownAtField([''], '')).toBe(false);
  });
});

describe('indexed fields', () => {
  it('parses person fields', () => {
    expect(parseIndexedField('persons[1].id_number')).toEqual({ group: 'persons', index: 1, key: 'id_number' });
    expect(parseIndexedField('petitioners[0].full_name')).toEqual({
      group: 'petitioners',
      index: 0,
      key: 'full_name',
    });
    expect(parseIndexedField('content')).toBeNull();
    expect(parseIndexedField(null)).toBeNull();
  });
  it('maps the index sent back to the row on screen', () => {
    const e = { code: 'invalid', field: 'persons[1].id_number', message: 'm' };
    expect(remapPersonError(e, 'persons', [0, 2]).field).toBe('persons[2].id_number');
    expect(remapPersonError(e, 'petitioners', [0, 2]).field).toBe('persons[1].id_number');
    expect(remapPersonError({ ...e, field: 'content' }, 'persons', [3]).field).toBe('content');
    expect(remapPersonError(e, 'persons', [0]).field).toBe('persons[1].id_number');
  });
  it('explains an unreadable date', () => {
    expect(badDateMessage('Ngày tiếp', '')).toBe('Ngày tiếp: chưa nhập ngày.');
    expect(badDateMessage('Ngày tiếp', '31/02/2026')).toContain('“31/02/2026”');
    expect(badDateMessage('Ngày tiếp', '1/12')).toBe('Ngày tiếp: “1/12” thiếu năm (nhập ngày/tháng/năm, ví dụ 05/03/2026).');
    expect(badDateMessage('Ngày tiếp', '31/02/2026')).toContain('không phải là ngày có thật');
  });
});
