// A counter of changes made outside a screen (a person corrected or merged on the person
// page): a screen showing those records reads it to know it should load them again.
export const records = $state({ revision: 0 });

/** Records changed: screens that show them load them again. */
export function recordsChanged() {
  records.revision++;
}
