// The contents of a petition with several kinds of content ("Nhiều nội dung"): the kinds
// it carries, ticked in a small group of checkboxes shown only for that kind. The core
// decides whether they are enough (two or more); the UI sends them, and `[]` for another
// kind.
import type { Choice } from './bindings/Choice';
import type { PetitionKind } from './bindings/PetitionKind';
import { labelOf } from './catalogue';

/** The kind that carries contents. */
export const MIXED: PetitionKind = 'mixed';

/** Whether the contents checkboxes are shown for this kind. */
export function showsContents(kind: PetitionKind | '' | null | undefined): boolean {
  return kind === MIXED;
}

/** The kinds a mixed petition may carry, in the catalogue's order: every kind but `mixed`. */
export function contentChoices(kinds: Choice[]): Choice[] {
  return kinds.filter((k) => k.code !== MIXED);
}

/** The contents with `code` ticked or unticked, in the catalogue's order, without repeats. */
export function toggleContent(
  contents: PetitionKind[],
  code: PetitionKind,
  on: boolean,
  kinds: Choice[],
): PetitionKind[] {
  const set = new Set(contents.filter((c) => c !== code));
  if (on) set.add(code);
  return contentChoices(kinds)
    .map((c) => c.code as PetitionKind)
    .filter((c) => set.has(c));
}

/** What is sent with a petition of `kind`: the ticked contents for a mixed one, else none. */
export function contentsToSend(kind: PetitionKind | '', contents: PetitionKind[]): PetitionKind[] {
  if (!showsContents(kind)) return [];
  return [...new Set(contents.filter((c) => c !== MIXED))];
}

/**
 * The petition's kind in words: "Khiếu nại", or for a mixed one "Nhiều nội dung: khiếu
 * nại, kiến nghị, phản ánh" (its contents in the catalogue's order); a mixed petition of
 * an older register whose contents were never recorded says so.
 */
export function kindText(kinds: Choice[], kind: PetitionKind, contents: PetitionKind[]): string {
  const label = labelOf(kinds, kind);
  if (!showsContents(kind)) return label;
  const named = contentChoices(kinds)
    .filter((c) => contents.includes(c.code as PetitionKind))
    .map((c) => c.label.toLocaleLowerCase('vi'));
  return named.length === 0 ? `${label} (chưa ghi các nội dung)` : `${label}: ${named.join(', ')}`;
}
