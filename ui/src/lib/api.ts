// The only door to the Rust core: one typed function per Tauri command.
// Every failure rejects with an ErrorDto (code, field, Vietnamese message).
import { invoke } from '@tauri-apps/api/core';
import type { AppInfo } from './bindings/AppInfo';
import type { Catalogue } from './bindings/Catalogue';
import type { Dashboard } from './bindings/Dashboard';
import type { DemoSummary } from './bindings/DemoSummary';
import type { Field } from './bindings/Field';
import type { NewPetition } from './bindings/NewPetition';
import type { NewSession } from './bindings/NewSession';
import type { NewVisit } from './bindings/NewVisit';
import type { PeriodPreset } from './bindings/PeriodPreset';
import type { PeriodRange } from './bindings/PeriodRange';
import type { PeriodReport } from './bindings/PeriodReport';
import type { PersonMatch } from './bindings/PersonMatch';
import type { Petition } from './bindings/Petition';
import type { PetitionFilter } from './bindings/PetitionFilter';
import type { PetitionStatus } from './bindings/PetitionStatus';
import type { Session } from './bindings/Session';
import type { SessionView } from './bindings/SessionView';
import type { Settings } from './bindings/Settings';
import type { Visit } from './bindings/Visit';
import { NO_BACKEND_MESSAGE, toErrorDto } from './errors';

/** Whether the page runs inside the Tauri window (and not in a plain browser). */
export function hasBackend(): boolean {
  return typeof window !== 'undefined' && typeof (window as { __TAURI_INTERNALS__?: unknown }).__TAURI_INTERNALS__ === 'object';
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  if (!hasBackend()) {
    throw { code: 'no_backend', field: null, message: NO_BACKEND_MESSAGE };
  }
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toErrorDto(e);
  }
}

export const appInfo = () => call<AppInfo>('app_info');
export const catalogue = () => call<Catalogue>('catalogue');
export const saveSettings = (settings: Settings) => call<Settings>('save_settings', { settings });
export const saveField = (field: Field) => call<Field[]>('save_field', { field });
export const loadSample = () => call<DemoSummary>('load_sample');
export const createSession = (input: NewSession) => call<Session>('create_session', { input });
export const addVisit = (input: NewVisit) => call<Visit>('add_visit', { input });
export const deleteSession = (id: string) => call<null>('delete_session', { id });
export const deleteVisit = (id: string) => call<null>('delete_visit', { id });
export const listSessions = (range: PeriodRange) => call<SessionView[]>('list_sessions', { range });
export const findPersons = (query: string) => call<PersonMatch[]>('find_persons', { query });
export const createPetition = (input: NewPetition) => call<Petition>('create_petition', { input });
export const listPetitions = (filter: PetitionFilter) => call<Petition[]>('list_petitions', { filter });
export const setPetitionStatus = (id: string, status: PetitionStatus, note: string | null) =>
  call<Petition>('set_petition_status', { id, status, note });
export const periodReport = (range: PeriodRange) => call<PeriodReport>('period_report', { range });
export const presetPeriod = (preset: PeriodPreset) => call<PeriodRange>('preset_period', { preset });
export const dashboard = () => call<Dashboard>('dashboard');
