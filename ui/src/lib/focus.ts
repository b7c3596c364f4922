// Keeping the keyboard's place: a button disabled while its work runs drops the focus to
// the page, and the next Tab starts again from the top (98 presses back to "Sao lưu ngay").

/** What `focused` and `refocus` read of the document (the real one in the app). */
interface FocusDoc {
  activeElement: unknown;
  body: unknown;
}

interface Focusable {
  isConnected: boolean;
  focus: () => void;
}

/** The element holding the focus now, or null when the page itself does. */
export function focused<T extends Focusable>(doc: FocusDoc = document): T | null {
  const a = doc.activeElement;
  return a && a !== doc.body ? (a as T) : null;
}

/** Give the focus back to `el` when nothing holds it (a disabled button dropped it). */
export function refocus(el: Focusable | null, doc: FocusDoc = document): boolean {
  const a = doc.activeElement;
  if (!el || !el.isConnected || (a !== null && a !== doc.body)) return false;
  el.focus();
  return true;
}
