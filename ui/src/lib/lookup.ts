// The person lookup: when to ask the core, and the options of its listbox.
import type { CaseSummary } from './bindings/CaseSummary';
import type { PersonMatch } from './bindings/PersonMatch';

export const LOOKUP_MIN_CHARS = 2;
export const LOOKUP_DELAY_MS = 200;

export function shouldSearch(query: string): boolean {
  return query.trim().length >= LOOKUP_MIN_CHARS;
}

export type LookupOption =
  | { kind: 'person'; id: string; match: PersonMatch }
  | { kind: 'case'; id: string; match: PersonMatch; case: CaseSummary };

/** A person, then each of their earlier cases, in the order the core found them. */
export function lookupOptions(matches: PersonMatch[]): LookupOption[] {
  const out: LookupOption[] = [];
  for (const m of matches) {
    out.push({ kind: 'person', id: `person-${m.person.id}`, match: m });
    for (const c of m.cases) {
      out.push({ kind: 'case', id: `case-${m.person.id}-${c.id}`, match: m, case: c });
    }
  }
  return out;
}

/** Calls `fn` once the caller has been quiet for `ms`; `cancel` drops a pending call. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = (...args: A) => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fn(...args);
    }, ms);
  };
  run.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  return run;
}

/** "3 lượt, 1 đơn" for a case. */
export function caseCounts(c: CaseSummary): string {
  const parts = [c.visits === 0 ? 'chưa có lượt tiếp' : `${c.visits} lượt tiếp`];
  parts.push(c.petitions === 0 ? 'không có đơn' : `${c.petitions} đơn`);
  return parts.join(', ');
}
