import { describe, expect, it } from 'vitest';
import { focused, refocus } from './focus';

function button() {
  return {
    isConnected: true,
    focused: 0,
    focus() {
      this.focused += 1;
    },
  };
}

describe('refocus', () => {
  const body = {};
  it('gives the focus back when the page holds it', () => {
    const b = button();
    expect(refocus(b, { activeElement: body, body })).toBe(true);
    expect(refocus(b, { activeElement: null, body })).toBe(true);
    expect(b.focused).toBe(2);
  });
  it('leaves it where the work put it (a field with an error, a result)', () => {
    const b = button();
    expect(refocus(b, { activeElement: {}, body })).toBe(false);
    expect(b.focused).toBe(0);
  });
  it('never focuses what left the page', () => {
    const b = { ...button(), isConnected: false };
    expect(refocus(b, { activeElement: body, body })).toBe(false);
  });
});

describe('focused', () => {
  it('is the element with the focus, not the page', () => {
    const body = {};
    const el = button();
    expect(focused({ activeElement: el, body })).toBe(el);
    expect(focused({ activeElement: body, body })).toBeNull();
  });
});
