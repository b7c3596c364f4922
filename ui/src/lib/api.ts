// The only door to the Rust core: one typed function per Tauri command.
// Every failure rejects with an ErrorDto (code, field, Vietnamese message).
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { ErrorCode } from './bindings/ErrorCode';
import type { AppInfo } from './bindings/AppInfo';
import type { Catalogue } from './bindings/Catalogue';
import type { Dashboard } from './bindings/Dashboard';
import type { DemoSummary } from './bindings/DemoSummary';
import type { Field } from './bindings/Field';
import type { NewPetition } from './bindings/NewPetition';
import type { PetitionChoice } from './bindings/PetitionChoice';
import type { NewSession } from './bindings/NewSession';
import type { NewVisit } from './bindings/NewVisit';
import type { PeriodPreset } from './bindings/PeriodPreset';
import type { PeriodRange } from './bindings/PeriodRange';
import type { PeriodReport } from './bindings/PeriodReport';
import type { PersonMatch } from './bindings/PersonMatch';
import type { Petition } from './bindings/Petition';
import type { PetitionFilter } from './bindings/PetitionFilter';
import type { PetitionPage } from './bindings/PetitionPage';
import type { Session } from './bindings/Session';
import type { SessionView } from './bindings/SessionView';
import type { Settings } from './bindings/Settings';
import type { Visit } from './bindings/Visit';
import type { CalendarDay } from './bindings/CalendarDay';
import type { CalendarYear } from './bindings/CalendarYear';
import type { CaseDetail } from './bindings/CaseDetail';
import type { ChangeView } from './bindings/ChangeView';
import type { Choice } from './bindings/Choice';
import type { MoveInput } from './bindings/MoveInput';
import type { Person } from './bindings/Person';
import type { PersonDetail } from './bindings/PersonDetail';
import type { PersonInput } from './bindings/PersonInput';
import type { PersonMerge } from './bindings/PersonMerge';
import type { PersonSuggestion } from './bindings/PersonSuggestion';
import type { PetitionDetail } from './bindings/PetitionDetail';
import type { PetitionProbe } from './bindings/PetitionProbe';
import type { PetitionSuggestion } from './bindings/PetitionSuggestion';
import type { SampleRemoval } from './bindings/SampleRemoval';
import type { SearchHit } from './bindings/SearchHit';
import type { Warning } from './bindings/Warning';
import type { FormId } from './bindings/FormId';
import type { FormTable } from './bindings/FormTable';
import type { ManualFigure } from './bindings/ManualFigure';
import type { PeriodLock } from './bindings/PeriodLock';
import type { RegisterBook } from './bindings/RegisterBook';
import type { ReportDocument } from './bindings/ReportDocument';
import type { ReportingPeriod } from './bindings/ReportingPeriod';
import type { ExportDone } from './bindings/ExportDone';
import type { ExportProgress } from './bindings/ExportProgress';
import type { AccessInfo } from './bindings/AccessInfo';
import type { Account } from './bindings/Account';
import type { AccountInput } from './bindings/AccountInput';
import type { AuditCheck } from './bindings/AuditCheck';
import type { IntegrityCheck } from './bindings/IntegrityCheck';
import type { AuditEntry } from './bindings/AuditEntry';
import type { AuditFilter } from './bindings/AuditFilter';
import type { BackupInfo } from './bindings/BackupInfo';
import type { BackupMade } from './bindings/BackupMade';
import type { RestorePreview } from './bindings/RestorePreview';
import type { SignedIn } from './bindings/SignedIn';
import { NO_BACKEND_MESSAGE, toErrorDto } from './errors';
import { signInRequired } from './session.svelte';

/** Whether the page runs inside the Tauri window (and not in a plain browser). */
export function hasBackend(): boolean {
  return typeof window !== 'undefined' && typeof (window as { __TAURI_INTERNALS__?: unknown }).__TAURI_INTERNALS__ === 'object';
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  if (!hasBackend()) {
    throw { code: ErrorCode.NoBackend, field: null, message: NO_BACKEND_MESSAGE };
  }
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    const error = toErrorDto(e);
    // Nobody signed in (or the core's idle lock fired): the app returns to the sign-in
    // screen, whichever screen made the call.
    if (error.code === ErrorCode.SignInRequired) signInRequired(error);
    throw error;
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
/** The petitions a picker lists: number, content, duplicate mark (nothing else read). */
/** The petitions a picker lists; their petitioners' names only when `names` (they cost
 * several times the rest in a big register). */
export const petitionChoices = (filter: PetitionFilter, names: boolean) =>
  call<PetitionChoice[]>('petition_choices', { filter, names });
/** One page of the petitions list (Đơn thư): the matches from `offset`, and how many match. */
export const petitionPage = (filter: PetitionFilter, offset: number, limit: number) =>
  call<PetitionPage>('petition_page', { filter, offset, limit });
export const periodReport = (range: PeriodRange) => call<PeriodReport>('period_report', { range });
export const presetPeriod = (preset: PeriodPreset) => call<PeriodRange>('preset_period', { preset });
export const dashboard = () => call<Dashboard>('dashboard');
/** The whole "Cần xử lý" queue (the dashboard holds its top only). */
export const petitionsNeedingAction = () => call<Petition[]>('petitions_needing_action');
export const hostsOn = (date: string) => call<Choice[]>('hosts_on', { date });
export const sessionWarnings = (input: NewSession, excludeId: string | null = null) =>
  call<Warning[]>('session_warnings', { input, excludeId });
export const correctSession = (id: string, input: NewSession) => call<Session>('correct_session', { id, input });
export const correctVisit = (id: string, input: NewVisit) => call<Visit>('correct_visit', { id, input });
export const history = (table: 'sessions' | 'visits' | 'persons' | 'petitions', id: string) =>
  call<ChangeView[]>('history', { table, id });
export const personDetail = (id: string) => call<PersonDetail>('person_detail', { id });
export const correctPerson = (id: string, input: PersonInput) => call<Person>('correct_person', { id, input });
export const mergePersons = (keptId: string, mergedId: string) =>
  call<PersonMerge>('merge_persons', { keptId, mergedId });
export const undoMerge = (id: string) => call<null>('undo_merge', { id });
export const suggestPersons = (input: PersonInput) => call<PersonSuggestion[]>('suggest_persons', { input });
export const suggestPetitions = (probe: PetitionProbe) => call<PetitionSuggestion[]>('suggest_petitions', { probe });
export const search = (query: string) => call<SearchHit[]>('search', { query });
export const caseDetail = (id: string) => call<CaseDetail>('case_detail', { id });
export const petitionDetail = (id: string) => call<PetitionDetail>('petition_detail', { id });
export const movePetition = (input: MoveInput) => call<PetitionDetail>('move_petition', { input });
export const undoLastMove = (id: string) => call<PetitionDetail>('undo_last_move', { id });
export const correctPetition = (id: string, input: NewPetition) => call<Petition>('correct_petition', { id, input });
export const deletePetition = (id: string) => call<null>('delete_petition', { id });
export const calendarYears = () => call<CalendarYear[]>('calendar_years');
export const saveCalendarYear = (year: number, days: CalendarDay[]) =>
  call<CalendarYear>('save_calendar_year', { year, days });
export const removeSample = () => call<SampleRemoval>('remove_sample');

// Tổng hợp: reporting periods, the statutory tables, typed figures, locks.
export const reportingPeriod = (period: ReportingPeriod, year: number) =>
  call<PeriodRange>('reporting_period', { period, year });
export const statutoryTables = (range: PeriodRange) => call<FormTable[]>('statutory_tables', { range });
export const registerBook = (range: PeriodRange) => call<RegisterBook>('register_book', { range });
export const reportDocument = (range: PeriodRange, number: string | null) =>
  call<ReportDocument>('report_document', { range, number });
export const manualFigures = (form: FormId, range: PeriodRange) =>
  call<ManualFigure[]>('manual_figures', { form, range });
export const saveManualFigures = (form: FormId, range: PeriodRange, values: ManualFigure[]) =>
  call<ManualFigure[]>('save_manual_figures', { form, range, values });
export const periodLocks = () => call<PeriodLock[]>('period_locks');
export const locksCovering = (date: string) => call<PeriodLock[]>('locks_covering', { date });
export const lockPeriod = (range: PeriodRange, label: string, reportNo: string | null) =>
  call<PeriodLock>('lock_period', { range, label, reportNo });

// Files the office files: written into the export folder, never over a file; progress
// comes as 'export-progress' events (ExportProgress), "Dừng" calls cancelExport.
export const exportFolder = () => call<string>('export_folder');
/** `full`: the Sổ with every denunciator named (a leader's choice, recorded in the audit log). */
export const exportFile = (form: FormId, range: PeriodRange, reportNo: string | null, full = false) =>
  call<ExportDone>('export_file', { form, range, reportNo, full });
export const cancelExport = () => call<null>('cancel_export');
export const saveCsv = (name: string, header: string[], rows: string[][]) =>
  call<ExportDone>('save_csv', { name, header, rows });

// Accounts and roles: the first administrator, signing in and out, the idle lock.
export const accessInfo = () => call<AccessInfo>('access_info');
export const createFirstAdmin = (input: AccountInput) => call<SignedIn>('create_first_admin', { input });
export const signIn = (login: string, password: string) => call<SignedIn>('sign_in', { login, password });
/** Sign out; `idle`: the window's idle lock did (the audit log says so). */
export const signOut = (idle = false) => call<null>('sign_out', { idle });
export const accounts = () => call<Account[]>('accounts');
export const saveAccount = (input: AccountInput) => call<Account>('save_account', { input });
export const changePassword = (oldPassword: string, newPassword: string) =>
  call<null>('change_password', { oldPassword, newPassword });
export const setIdleLock = (minutes: number) => call<number>('set_idle_lock', { minutes });

// A denunciator's identity: a leader reveals one person, with a reason (recorded).
export const revealPerson = (id: string, reason: string) => call<Person>('reveal_person', { id, reason });

// The administrator: the audit log and its check, backups and restore.
export const auditLog = (filter: AuditFilter) => call<AuditEntry[]>('audit_log', { filter });
export const verifyAudit = () => call<AuditCheck>('verify_audit');
/** The background check of the register's file after start: null while it runs. */
export const integrityStatus = () => call<IntegrityCheck | null>('integrity_status');
export const backups = () => call<BackupInfo[]>('backups');
/** `folder`: a chosen folder (a USB drive); none: "sao-luu" beside the register. */
export const backupNow = (folder: string | null) => call<BackupMade>('backup_now', { folder });
/** Replace the register with a backup; the former file's path kept aside, if any. */
/** `brokenHistory`: the question warned that the backup's history was edited, and was confirmed. */
export const restoreBackup = (path: string, brokenHistory: boolean) =>
  call<string | null>('restore_backup', { path, brokenHistory });
/** Checked before the question: refused now if it would be refused after it. */
export const checkRestore = (path: string) => call<RestorePreview>('check_restore', { path });

/**
 * Follow an export's 'export-progress' events; resolves to the function that stops
 * listening (call it when the export ends). Outside the app window there are none.
 */
export async function onExportProgress(handler: (p: ExportProgress) => void): Promise<() => void> {
  if (!hasBackend()) return () => {};
  return listen<ExportProgress>('export-progress', (e) => handler(e.payload));
}
