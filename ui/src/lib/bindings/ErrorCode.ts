// Generated from src/error.rs (ERROR_CODES) by `cargo test --test bindings`. Do not edit.

/** Every error code a command can reject with. */
export enum ErrorCode {
  Invalid = 'invalid',
  NotFound = 'not_found',
  NewerDatabase = 'newer_database',
  Exchange = 'exchange',
  NotRegister = 'not_register',
  Database = 'database',
  Migration = 'migration',
  Io = 'io',
  Json = 'json',
  CalendarUnknownYear = 'calendar_unknown_year',
  Internal = 'internal',
  Cancelled = 'cancelled',
  FormCheck = 'form_check',
  SignInRequired = 'sign_in_required',
  Forbidden = 'forbidden',
  NoBackend = 'no_backend',
}
