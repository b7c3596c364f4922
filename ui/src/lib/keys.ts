// Keyboard shortcuts, as pure functions of a key event.

export interface KeyLike {
  key: string;
  code?: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey?: boolean;
  shiftKey: boolean;
}

/** Alt+1..Alt+5 → screen 0..4 (of `count`), else null. */
export function screenShortcut(e: KeyLike, count: number): number | null {
  if (!e.altKey || e.ctrlKey || e.metaKey) return null;
  const m = /^(?:Digit|Numpad)(\d)$/.exec(e.code ?? '');
  const digit = m ? Number(m[1]) : /^\d$/.test(e.key) ? Number(e.key) : NaN;
  if (!(digit >= 1 && digit <= count)) return null;
  return digit - 1;
}

/** Ctrl+Enter (Cmd+Enter on a Mac keyboard): save the form. */
export function isSaveShortcut(e: KeyLike): boolean {
  return e.key === 'Enter' && (e.ctrlKey || e.metaKey === true) && !e.altKey;
}

/** Ctrl+Shift+N: the next citizen (focus the lookup of the visit form). */
export function isNewVisitShortcut(e: KeyLike): boolean {
  return e.ctrlKey && e.shiftKey && !e.altKey && (e.code === 'KeyN' || e.key.toLowerCase() === 'n');
}

/** Ctrl+Shift+T: one more person in the visit (a delegation), the cursor on the name. */
export function isAddPersonShortcut(e: KeyLike): boolean {
  return e.ctrlKey && e.shiftKey && !e.altKey && (e.code === 'KeyT' || e.key.toLowerCase() === 't');
}

/** Ctrl+K (Cmd+K on a Mac keyboard): the search box, from any screen. */
export function isSearchShortcut(e: KeyLike): boolean {
  if (!(e.ctrlKey || e.metaKey === true) || e.altKey || e.shiftKey) return false;
  return e.code === 'KeyK' || e.key.toLowerCase() === 'k';
}

/**
 * A plain Enter in a single-line input would submit the form: the long forms only save
 * on Ctrl+Enter or their button.
 */
export function isStrayEnter(e: KeyLike, targetTag: string, targetType: string): boolean {
  if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.altKey) return false;
  if (targetTag !== 'INPUT') return false;
  return !['button', 'submit', 'reset', 'checkbox', 'radio'].includes(targetType);
}

/** Arrow keys in a list of `count` options: the next active index (-1 = none). */
export function moveActive(current: number, count: number, key: string): number {
  if (count === 0) return -1;
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : (current + 1) % count;
    case 'ArrowUp':
      return current <= 0 ? count - 1 : current - 1;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return current;
  }
}

/**
 * Keydown of a data-entry form: Ctrl+Enter saves from anywhere in it, and a stray Enter
 * in a one-line input does not submit half a record.
 */
export function formKeydown(e: KeyboardEvent, save: () => void): void {
  if (isSaveShortcut(e)) {
    e.preventDefault();
    save();
    return;
  }
  const t = e.target as HTMLInputElement;
  if (isStrayEnter(e, t.tagName, t.type)) e.preventDefault();
}

/** Whether an input event edits a field marked invalid (its error can then be cleared). */
export function editsInvalidField(e: Event): boolean {
  return (e.target as HTMLElement | null)?.getAttribute?.('aria-invalid') === 'true';
}
