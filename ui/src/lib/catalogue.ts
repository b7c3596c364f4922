// Reading the core's catalogue: labels are never spelled by the UI.
import type { Choice } from './bindings/Choice';
import type { Field } from './bindings/Field';

/** The label of a code, or the code itself if the catalogue does not know it. */
export function labelOf(choices: Choice[], code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '';
  return choices.find((c) => c.code === code)?.label ?? code;
}

export function fieldName(fields: Field[], code: string | null | undefined): string {
  if (!code) return '';
  return fields.find((f) => f.code === code)?.name ?? code;
}

/** Fields offered in pickers: the active ones, plus `keep` if it is set (editing old data). */
export function activeFields(fields: Field[], keep: string | null = null): Field[] {
  return fields.filter((f) => f.active || (keep !== null && f.code === keep));
}
