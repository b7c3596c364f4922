import { describe, expect, it } from 'vitest';
import { nextStop, tabSequence } from './tabOrder';

// The visit form's controls in document order; `x` marks those off the officer's path.
const dom = [
  'lookup',
  'p0-name',
  'p0-idno',
  'p0-addr',
  'p0-phone',
  'p0-kind x',
  'p0-rm x',
  'add-person x',
  'headcount x',
  'delegation x',
  'content',
  'kind',
  'field',
  'handling',
  'save',
  'chairman x',
  'has-petition x',
];
const isExtra = (s: string) => s.endsWith(' x');

describe('the visit form tab order', () => {
  const seq = tabSequence(dom, isExtra);
  it('follows the officer: name → ID → address → phone → content → kind → field → handling → save', () => {
    expect(seq.slice(0, 10)).toEqual([
      'lookup',
      'p0-name',
      'p0-idno',
      'p0-addr',
      'p0-phone',
      'content',
      'kind',
      'field',
      'handling',
      'save',
    ]);
  });
  it('keeps every other control reachable after Save', () => {
    expect(seq.slice(10)).toEqual(dom.filter(isExtra));
    expect(seq).toHaveLength(dom.length);
  });
  it('moves one stop with Tab or Shift+Tab, and leaves the form at either end', () => {
    expect(nextStop(seq, 'p0-phone', false)).toBe('content');
    expect(nextStop(seq, 'content', true)).toBe('p0-phone');
    expect(nextStop(seq, 'save', false)).toBe('p0-kind x');
    expect(nextStop(seq, 'has-petition x', false)).toBeNull();
    expect(nextStop(seq, 'lookup', true)).toBeNull();
    expect(nextStop(seq, 'elsewhere', false)).toBeNull();
  });
});
