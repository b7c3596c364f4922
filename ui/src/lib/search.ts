// The search box (Ctrl+K): when to ask the core, how its hits are grouped and walked with
// the keyboard, which answer is still the one wanted, and where a picked hit leads.
import type { SearchHit } from './bindings/SearchHit';
import type { SearchKind } from './bindings/SearchKind';
import type { Choice } from './bindings/Choice';
import { moveActive } from './keys';

export const SEARCH_DELAY_MS = 180;

/** The groups, in the order they are shown; their labels come from the core's catalogue. */
export const SEARCH_ORDER: SearchKind[] = ['person', 'petition', 'visit', 'case'];

/** A name needs two characters; a number (a petition's "12", "12/2026") one digit. */
export function shouldSearch(query: string): boolean {
  const q = query.trim();
  if (q === '') return false;
  if (/^\d[\d/]*$/.test(q)) return true;
  return q.length >= 2;
}

export interface SearchGroup {
  kind: SearchKind;
  label: string;
  /** The group's hits, each with its place in the whole list (what the arrows walk). */
  items: { hit: SearchHit; index: number }[];
}

/**
 * The hits grouped by kind in the fixed order (empty groups left out), keeping the core's
 * order inside a group, each numbered in display order.
 */
export function groupHits(hits: SearchHit[], labels: Choice[]): SearchGroup[] {
  const groups: SearchGroup[] = [];
  let index = 0;
  for (const kind of SEARCH_ORDER) {
    const mine = hits.filter((h) => h.kind === kind);
    if (mine.length === 0) continue;
    const label = labels.find((c) => c.code === kind)?.label ?? kind;
    groups.push({ kind, label, items: mine.map((hit) => ({ hit, index: index++ })) });
  }
  return groups;
}

/** The hits in display order (what `index` counts). */
export function displayOrder(groups: SearchGroup[]): SearchHit[] {
  return groups.flatMap((g) => g.items.map((i) => i.hit));
}

/** A stable DOM id for a hit's option. */
export function hitId(hit: SearchHit): string {
  return `search-hit-${hit.kind}-${hit.id}`;
}

export type PaletteAction = { type: 'move'; active: number } | { type: 'open'; index: number } | { type: 'close' } | { type: 'none' };

/**
 * A key pressed in the search input: arrows (and Ctrl+Home/End) move the highlighted hit,
 * Enter opens it, Esc closes the box. Home/End alone stay the input's.
 */
export function paletteKey(key: string, active: number, count: number, ctrlKey = false): PaletteAction {
  switch (key) {
    case 'ArrowDown':
    case 'ArrowUp':
      return count === 0 ? { type: 'none' } : { type: 'move', active: moveActive(active, count, key) };
    case 'Home':
    case 'End':
      return ctrlKey && count > 0 ? { type: 'move', active: moveActive(active, count, key) } : { type: 'none' };
    case 'Enter':
      return active >= 0 && active < count ? { type: 'open', index: active } : { type: 'none' };
    case 'Escape':
      return { type: 'close' };
    default:
      return { type: 'none' };
  }
}

/** Where a picked hit leads. */
export type SearchTarget =
  | { kind: 'person'; id: string }
  | { kind: 'petition'; id: string }
  | { kind: 'visit'; sessionId: string; date: string; visitId: string }
  | { kind: 'case'; id: string };

export function targetOf(hit: SearchHit): SearchTarget | null {
  switch (hit.kind) {
    case 'person':
    case 'petition':
    case 'case':
      return { kind: hit.kind, id: hit.id };
    case 'visit':
      // A visit opens the register at its session: without the session there is nowhere to go.
      if (!hit.session_id || !hit.date) return null;
      return { kind: 'visit', sessionId: hit.session_id, date: hit.date, visitId: hit.id };
  }
}

export interface Navigator {
  openPerson(id: string): void;
  openPetition(id: string): void;
  openVisit(sessionId: string, date: string, visitId: string | null): void;
  openCase(id: string): void;
}

/** Open a hit through the navigation functions; false when it leads nowhere. */
export function openHit(hit: SearchHit, nav: Navigator): boolean {
  const t = targetOf(hit);
  if (!t) return false;
  switch (t.kind) {
    case 'person':
      nav.openPerson(t.id);
      break;
    case 'petition':
      nav.openPetition(t.id);
      break;
    case 'visit':
      nav.openVisit(t.sessionId, t.date, t.visitId);
      break;
    case 'case':
      nav.openCase(t.id);
      break;
  }
  return true;
}

/**
 * Answers arrive in any order: each request takes a ticket, and only the answer to the
 * latest ticket is shown (`drop` voids every ticket, e.g. when the box is cleared).
 */
export class Latest {
  private last = 0;
  take(): number {
    return ++this.last;
  }
  isCurrent(ticket: number): boolean {
    return ticket === this.last;
  }
  drop(): void {
    this.last++;
  }
}
