import { describe, expect, it } from 'vitest';
import {
  editsInvalidField,
  formKeydown,
  isAddPersonShortcut,
  isNewVisitShortcut,
  isSaveShortcut,
  isSearchShortcut,
  isStrayEnter,
  moveActive,
  screenShortcut,
  type KeyLike,
} from './keys';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  shiftKey: false,
  ...mods,
});

describe('screenShortcut', () => {
  it('maps Alt+1..5', () => {
    expect(screenShortcut(key('1', { altKey: true, code: 'Digit1' }), 5)).toBe(0);
    expect(screenShortcut(key('5', { altKey: true, code: 'Digit5' }), 5)).toBe(4);
    expect(screenShortcut(key('3', { altKey: true, code: 'Numpad3' }), 5)).toBe(2);
  });
  it('reads the physical key when the layout changes the character', () => {
    expect(screenShortcut(key('¡', { altKey: true, code: 'Digit1' }), 5)).toBe(0);
  });
  it('ignores other combinations', () => {
    expect(screenShortcut(key('6', { altKey: true, code: 'Digit6' }), 5)).toBeNull();
    expect(screenShortcut(key('0', { altKey: true, code: 'Digit0' }), 5)).toBeNull();
    expect(screenShortcut(key('1', { code: 'Digit1' }), 5)).toBeNull();
    expect(screenShortcut(key('1', { altKey: true, ctrlKey: true, code: 'Digit1' }), 5)).toBeNull();
    expect(screenShortcut(key('a', { altKey: true, code: 'KeyA' }), 5)).toBeNull();
  });
});

describe('form shortcuts', () => {
  it('Ctrl+Enter saves, Enter alone does not', () => {
    expect(isSaveShortcut(key('Enter', { ctrlKey: true }))).toBe(true);
    expect(isSaveShortcut(key('Enter', { metaKey: true }))).toBe(true);
    expect(isSaveShortcut(key('Enter'))).toBe(false);
    expect(isSaveShortcut(key('s', { ctrlKey: true }))).toBe(false);
  });
  it('Ctrl+Shift+N', () => {
    expect(isNewVisitShortcut(key('N', { ctrlKey: true, shiftKey: true, code: 'KeyN' }))).toBe(true);
    expect(isNewVisitShortcut(key('n', { ctrlKey: true }))).toBe(false);
    expect(isNewVisitShortcut(key('N', { shiftKey: true }))).toBe(false);
  });
  it('Ctrl+Shift+T adds a person, whatever the layout says of the key', () => {
    expect(isAddPersonShortcut(key('T', { ctrlKey: true, shiftKey: true, code: 'KeyT' }))).toBe(true);
    expect(isAddPersonShortcut(key('t', { ctrlKey: true }))).toBe(false);
    expect(isAddPersonShortcut(key('T', { ctrlKey: true, shiftKey: true, altKey: true, code: 'KeyT' }))).toBe(false);
    expect(isAddPersonShortcut(key('N', { ctrlKey: true, shiftKey: true, code: 'KeyN' }))).toBe(false);
  });
  it('a plain Enter in a text input is stray, not in a textarea or on a button', () => {
    expect(isStrayEnter(key('Enter'), 'INPUT', 'text')).toBe(true);
    expect(isStrayEnter(key('Enter'), 'INPUT', 'number')).toBe(true);
    expect(isStrayEnter(key('Enter', { ctrlKey: true }), 'INPUT', 'text')).toBe(false);
    expect(isStrayEnter(key('Enter'), 'TEXTAREA', 'textarea')).toBe(false);
    expect(isStrayEnter(key('Enter'), 'INPUT', 'submit')).toBe(false);
    expect(isStrayEnter(key('Enter'), 'BUTTON', 'submit')).toBe(false);
    expect(isStrayEnter(key('a'), 'INPUT', 'text')).toBe(false);
  });
});

describe('moveActive', () => {
  it('wraps around', () => {
    expect(moveActive(-1, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(2, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(0, 3, 'ArrowUp')).toBe(2);
    expect(moveActive(-1, 3, 'ArrowUp')).toBe(2);
    expect(moveActive(1, 3, 'Home')).toBe(0);
    expect(moveActive(1, 3, 'End')).toBe(2);
    expect(moveActive(1, 3, 'x')).toBe(1);
    expect(moveActive(0, 0, 'ArrowDown')).toBe(-1);
  });
});

describe('form keyboard handling', () => {
  const key = (over: Record<string, unknown>) => {
    let prevented = false;
    const e = {
      key: 'Enter',
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      shiftKey: false,
      target: { tagName: 'INPUT', type: 'text' },
      preventDefault: () => (prevented = true),
      ...over,
    };
    return { e: e as unknown as KeyboardEvent, prevented: () => prevented };
  };

  it('saves on Ctrl+Enter from any field', () => {
    let saved = 0;
    const k = key({ ctrlKey: true, target: { tagName: 'TEXTAREA', type: '' } });
    formKeydown(k.e, () => saved++);
    expect(saved).toBe(1);
    expect(k.prevented()).toBe(true);
  });

  it('stops a stray Enter in a one-line input, without saving', () => {
    let saved = 0;
    const k = key({});
    formKeydown(k.e, () => saved++);
    expect(saved).toBe(0);
    expect(k.prevented()).toBe(true);
  });

  it('leaves other keys alone', () => {
    const k = key({ key: 'a' });
    formKeydown(k.e, () => {});
    expect(k.prevented()).toBe(false);
  });

  it('knows an edit of a field marked invalid', () => {
    const ev = (invalid: string | null) =>
      ({ target: { getAttribute: (n: string) => (n === 'aria-invalid' ? invalid : null) } }) as unknown as Event;
    expect(editsInvalidField(ev('true'))).toBe(true);
    expect(editsInvalidField(ev(null))).toBe(false);
  });
});

describe('isSearchShortcut', () => {
  it('Ctrl+K opens the search box', () => {
    expect(isSearchShortcut(key('k', { ctrlKey: true, code: 'KeyK' }))).toBe(true);
    expect(isSearchShortcut(key('K', { ctrlKey: true }))).toBe(true);
    expect(isSearchShortcut(key('k', { metaKey: true, code: 'KeyK' }))).toBe(true);
  });
  it('reads the physical key when the layout changes the character', () => {
    expect(isSearchShortcut(key('л', { ctrlKey: true, code: 'KeyK' }))).toBe(true);
  });
  it('ignores K alone and other combinations', () => {
    expect(isSearchShortcut(key('k', { code: 'KeyK' }))).toBe(false);
    expect(isSearchShortcut(key('k', { ctrlKey: true, shiftKey: true, code: 'KeyK' }))).toBe(false);
    expect(isSearchShortcut(key('k', { ctrlKey: true, altKey: true, code: 'KeyK' }))).toBe(false);
    expect(isSearchShortcut(key('j', { ctrlKey: true, code: 'KeyJ' }))).toBe(false);
  });
});
