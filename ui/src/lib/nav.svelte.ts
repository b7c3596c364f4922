// Where the officer is: the screen, and the record pages opened over it. Every screen and
// the search box move through these functions, so "open petition 12/2026" means the same
// thing from the dashboard's queue, a person's page or Ctrl+K.

/** The screens of the top bar, in order (Alt+1 … Alt+5). */
export const SCREENS = ['Tổng quan', 'Sổ tiếp dân', 'Đơn thư', 'Tổng hợp', 'Cài đặt'] as const;
export const Screen = { Dashboard: 0, Register: 1, Petitions: 2, Summary: 3, Settings: 4 } as const;

export const nav = $state({
  screen: 0 as number,
  /** The petition whose page the Đơn thư screen shows (null: the list). */
  petitionId: null as string | null,
  /** The person whose page is open over any screen. */
  personId: null as string | null,
  /** The case whose page is open over any screen. */
  caseId: null as string | null,
  /** A session (and visit) the register should show, e.g. from the search box. */
  focus: null as { sessionId: string; date: string; visitId: string | null } | null,
  /**
   * A "Trạng thái" the Đơn thư list should filter by when it opens next ("status:open"),
   * e.g. from the dashboard's queue; the list takes it and sets this back to null.
   */
  listState: null as string | null,
  /** Forms with half-typed, unsaved work, by name ("visit", "petition"…). */
  unsaved: {} as Record<string, boolean>,
});

export function openScreen(screen: number) {
  nav.screen = screen;
}

export function openPetition(id: string) {
  nav.personId = null;
  nav.caseId = null;
  nav.petitionId = id;
  nav.screen = Screen.Petitions;
}

/** The Đơn thư list, filtered by one "Trạng thái" of its picker ("status:open"), other filters cleared. */
export function openPetitionList(state: string) {
  nav.personId = null;
  nav.caseId = null;
  nav.petitionId = null;
  nav.listState = state;
  nav.screen = Screen.Petitions;
}

export function openPerson(id: string) {
  nav.caseId = null;
  nav.personId = id;
}

export function openCase(id: string) {
  nav.personId = null;
  nav.caseId = id;
}

export function openVisit(sessionId: string, date: string, visitId: string | null) {
  nav.personId = null;
  nav.caseId = null;
  nav.focus = { sessionId, date, visitId };
  nav.screen = Screen.Register;
}

/** Mark a form as holding unsaved work (or not). */
export function setUnsaved(form: string, dirty: boolean) {
  nav.unsaved[form] = dirty;
}

/** The forms holding unsaved work. */
export function unsavedForms(): string[] {
  return Object.entries(nav.unsaved)
    .filter(([, dirty]) => dirty)
    .map(([form]) => form);
}
