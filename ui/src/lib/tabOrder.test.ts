import { describe, expect, it } from 'vitest';
import { nextStop, tabSequence } from './tabOrder';

// The visit form's controls in document order; `x` marks those off the officer's path.
// "Số người" and "Có đơn kèm theo" (with the petition's fields when ticked) are on the
// path: 21 of 36 visits in a real ward report came with a petition. The delegation is
// derived from "Số người" (a note beside it, no control).
const dom = [
  'lookup',
  'p0-name',
  'p0-idno',
  'p0-addr',
  'p0-phone',
  'p0-kind x',
  'p0-rm x',
  'add-person x',
  'headcount',
  'content',
  'kind',
  'field',
  'handling',
  'has-petition',
  'pet-kind',
  'pet-respondent',
  'pet-content',
  'save',
  'chairman x',
];
const isExtra = (s: string) => s.endsWith(' x');

describe('the visit form tab order', () => {
  const seq = tabSequence(dom, isExtra);
  it('follows the officer: name → ID → address → phone → headcount → content → kind → field → handling → petition → save', () => {
    expect(seq.slice(0, 16)).toEqual([
      'lookup',
      'p0-name',
      'p0-idno',
      'p0-addr',
      'p0-phone',
      'headcount',
      'content',
      'kind',
      'field',
      'handling',
      'has-petition',
      'pet-kind',
      'pet-respondent',
      'pet-content',
      'save',
      'p0-kind x',
    ]);
  });
  it('keeps every other control reachable after Save', () => {
    expect(seq.slice(15)).toEqual(dom.filter(isExtra));
    expect(seq).toHaveLength(dom.length);
  });
  it('moves one stop with Tab or Shift+Tab, and leaves the form at either end', () => {
    expect(nextStop(seq, 'p0-phone', false)).toBe('headcount');
    expect(nextStop(seq, 'content', true)).toBe('headcount');
    expect(nextStop(seq, 'handling', false)).toBe('has-petition');
    expect(nextStop(seq, 'pet-content', false)).toBe('save');
    expect(nextStop(seq, 'save', false)).toBe('p0-kind x');
    expect(nextStop(seq, 'chairman x', false)).toBeNull();
    expect(nextStop(seq, 'lookup', true)).toBeNull();
    expect(nextStop(seq, 'elsewhere', false)).toBeNull();
  });
});

describe('the visit form tab order with a mixed petition', () => {
  // "Nhiều nội dung": its three content boxes sit right after the petition's kind.
  const mixed = dom.flatMap((s) => (s === 'pet-kind' ? [s, 'pet-contents-complaint', 'pet-contents-denunciation', 'pet-contents-proposal'] : [s]));
  const seq = tabSequence(mixed, isExtra);
  it('goes kind → the contents boxes → respondent', () => {
    expect(nextStop(seq, 'pet-kind', false)).toBe('pet-contents-complaint');
    expect(nextStop(seq, 'pet-contents-complaint', false)).toBe('pet-contents-denunciation');
    expect(nextStop(seq, 'pet-contents-proposal', false)).toBe('pet-respondent');
    expect(nextStop(seq, 'pet-respondent', true)).toBe('pet-contents-proposal');
    expect(seq.indexOf('pet-contents-proposal')).toBeLessThan(seq.indexOf('save'));
  });
});
