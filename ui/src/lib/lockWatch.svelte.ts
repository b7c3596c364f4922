// The note under a date field when the date typed falls in a locked period: the forms
// call `check(text)` as the date changes; `note` is the line to show (or null).
import * as api from './api';
import { parseDate } from './dates';
import { lockNoteText } from './locks';

export interface LockWatch {
  readonly note: string | null;
  check(text: string): void;
}

export function lockWatch(): LockWatch {
  let note = $state<string | null>(null);
  let asked = '';
  return {
    get note() {
      return note;
    },
    check(text: string) {
      const iso = parseDate(text ?? '');
      if (iso === null) {
        asked = '';
        note = null;
        return;
      }
      if (iso === asked) return;
      asked = iso;
      api
        .locksCovering(iso)
        .then((locks) => {
          if (asked === iso) note = lockNoteText(locks);
        })
        .catch(() => {
          // Only a note: the save itself still reports any real failure.
          if (asked === iso) note = null;
        });
    },
  };
}
