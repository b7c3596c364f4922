//! The one error type of the core: a stable machine code, the field it concerns
//! when there is one, and a Vietnamese message a desk officer understands.

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad input: the message names the field, nothing was saved.
    #[error("{message}")]
    Invalid { field: String, message: String },
    #[error("Không tìm thấy {what} (mã {id}).")]
    NotFound { what: &'static str, id: String },
    #[error("Cơ sở dữ liệu được tạo bởi phiên bản mới hơn (lược đồ {found}, phần mềm này hiểu đến {supported}). Hãy cập nhật phần mềm.")]
    NewerDatabase { found: usize, supported: usize },
    #[error("Tệp trao đổi không hợp lệ: {0}")]
    Exchange(String),
    /// The file opened as the register is not one (another program's database, not a
    /// database at all, or damaged): nothing was written to it.
    #[error("{0}")]
    NotRegister(String),
    /// An exchange file refused: the message names the record (its kind and id) and the
    /// field, whose JSON path (`visits[3].headcount`, or `file` for the file as a whole)
    /// is `field`. Nothing of the file was saved.
    #[error("Tệp trao đổi không hợp lệ: {message}")]
    ExchangeField { field: String, message: String },
    #[error("Lỗi cơ sở dữ liệu: {}", db_words(.0))]
    Db(#[from] rusqlite::Error),
    #[error("Lỗi nâng cấp cơ sở dữ liệu: {}", migration_message(.0))]
    Migration(#[from] rusqlite_migration::Error),
    #[error("Lỗi đọc/ghi tệp: {}", io_words(.0))]
    Io(#[from] std::io::Error),
    #[error("Lỗi định dạng JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// A date in a year the working-day calendar does not know: nothing is guessed.
    #[error("{0}")]
    UnknownYear(#[from] crate::law::calendar::UnknownYear),
    /// Something went wrong that is not the officer's doing (a bug caught by the shell).
    #[error("{0}")]
    Internal(String),
    /// The officer stopped a long piece of work (an export); nothing was written.
    #[error("Đã dừng theo yêu cầu; chưa ghi tệp nào.")]
    Cancelled,
    /// A statutory table failed a check the circular states: the file is not written.
    #[error("{0}")]
    FormCheck(String),
    /// Nobody is signed in (or the app locked itself after an idle time): sign in first.
    #[error("{0}")]
    SignInRequired(String),
    /// The signed-in account's roles do not allow this; nothing was done.
    #[error("{0}")]
    Forbidden(String),
}

pub type Result<T> = std::result::Result<T, Error>;

/// What an input/output error means, in words a desk officer understands (the system's
/// own words, in brackets, for the kinds not named here). The kinds for a full or
/// read-only disk, a folder, … are newer than the crate's minimum Rust: the system's
/// codes are read instead.
pub fn io_words(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    // An error made by this crate carries its own (Vietnamese) words.
    if e.get_ref().is_some() {
        return e.to_string();
    }
    let code = e.raw_os_error();
    let (unix, windows) = (cfg!(unix), cfg!(windows));
    let words = match e.kind() {
        K::NotFound => "không có tệp hoặc thư mục này",
        K::PermissionDenied => "không có quyền đọc/ghi ở đây",
        K::AlreadyExists => "đã có một tệp hoặc thư mục cùng tên",
        K::UnexpectedEof => "tệp bị cắt cụt",
        K::Interrupted => "bị ngắt giữa chừng",
        K::BrokenPipe => "nơi nhận đã đóng",
        K::OutOfMemory => "máy không đủ bộ nhớ",
        _ if (cfg!(target_os = "linux") && code == Some(40))
            || (cfg!(target_os = "macos") && code == Some(62)) =>
        {
            "đường dẫn quay vòng qua các liên kết (symlink)"
        }
        _ if (unix && code == Some(5)) || (windows && matches!(code, Some(23 | 1117))) => {
            "lỗi đọc/ghi của ổ đĩa (ổ đĩa, thẻ nhớ bị hỏng hoặc đã bị rút ra)"
        }
        _ if windows && code == Some(21) => "ổ đĩa chưa sẵn sàng",
        _ if (unix && code == Some(28)) || (windows && matches!(code, Some(39 | 112))) => {
            "ổ đĩa đã đầy"
        }
        _ if unix && code == Some(30) => "ổ đĩa chỉ cho phép đọc",
        _ if unix && code == Some(21) => "đó là một thư mục, không phải tệp",
        _ if unix && code == Some(20) => "một phần của đường dẫn là tệp, không phải thư mục",
        _ if unix && code == Some(16) => "tệp đang được chương trình khác dùng",
        _ if windows && matches!(code, Some(32 | 33)) => "tệp đang được chương trình khác dùng",
        _ => return format!("lỗi hệ thống ({e})"),
    };
    words.to_string()
}

/// What SQLite said, in Vietnamese for what an officer can act on (a full disk, a
/// read-only or damaged file, another program writing); its own words otherwise (a
/// constraint the core should have caught first: a bug, named as SQLite named it).
pub fn db_words(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::DiskFull) => "ổ đĩa đã đầy: hãy giải phóng chỗ trống rồi làm lại".into(),
        Some(C::ReadOnly) => "tệp sổ chỉ cho đọc (thư mục hoặc ổ đĩa không cho ghi)".into(),
        Some(C::CannotOpen) | Some(C::PermissionDenied) => {
            "không mở được tệp sổ (không có quyền, hoặc thư mục không còn)".into()
        }
        Some(C::DatabaseBusy) | Some(C::DatabaseLocked) => {
            "sổ đang bận (một chương trình khác đang ghi): hãy thử lại sau ít phút".into()
        }
        Some(C::DatabaseCorrupt) | Some(C::NotADatabase) => {
            "tệp sổ bị hỏng: hãy khôi phục từ bản sao lưu gần nhất".into()
        }
        Some(C::SystemIoFailure) => "lỗi đọc/ghi của ổ đĩa".into(),
        _ => e.to_string(),
    }
}

/// Why SQLite could not write a file, in Vietnamese (its own words for anything else).
pub fn sqlite_write_words(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::DiskFull) => "ổ đĩa đã đầy".into(),
        Some(C::CannotOpen) | Some(C::ReadOnly) | Some(C::PermissionDenied) => {
            "không ghi được tệp ở đây (thư mục chỉ cho đọc, không có quyền, hoặc không có)".into()
        }
        Some(C::SystemIoFailure) => "lỗi đọc/ghi của ổ đĩa".into(),
        _ => db_words(e),
    }
}

/// What went wrong in a migration, without the whole SQL of the migration the library
/// puts in its message.
fn migration_message(e: &rusqlite_migration::Error) -> String {
    match e {
        rusqlite_migration::Error::RusqliteError { err, .. } => db_words(err),
        other => {
            let text = other.to_string();
            match text.char_indices().nth(300) {
                Some((at, _)) => format!("{}…", &text[..at]),
                None => text,
            }
        }
    }
}

/// Every error code the UI can receive, as the TypeScript enum `ErrorCode` names it
/// (generated into `ui/src/lib/bindings/ErrorCode.ts`): the core's, then the shell's and
/// the UI's own.
pub const ERROR_CODES: &[(&str, &str)] = &[
    ("Invalid", "invalid"),
    ("NotFound", "not_found"),
    ("NewerDatabase", "newer_database"),
    ("Exchange", "exchange"),
    ("NotRegister", "not_register"),
    ("Database", "database"),
    ("Migration", "migration"),
    ("Io", "io"),
    ("Json", "json"),
    ("CalendarUnknownYear", "calendar_unknown_year"),
    // The shell: the register could not be locked.
    ("Internal", "internal"),
    ("Cancelled", "cancelled"),
    ("FormCheck", "form_check"),
    ("SignInRequired", "sign_in_required"),
    ("Forbidden", "forbidden"),
    // The UI: the page runs outside the app window.
    ("NoBackend", "no_backend"),
];

/// The TypeScript enum of the error codes.
pub fn error_codes_ts() -> String {
    let mut out = String::from(
        "// Generated from src/error.rs (ERROR_CODES) by `cargo test --test bindings`. Do not edit.\n\n/** Every error code a command can reject with. */\nexport enum ErrorCode {\n",
    );
    for (name, code) in ERROR_CODES {
        out.push_str(&format!("  {name} = '{code}',\n"));
    }
    out.push_str("}\n");
    out
}

impl Error {
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Invalid {
            field: field.into(),
            message: message.into(),
        }
    }

    /// A file refused, naming the field by its JSON path.
    pub fn exchange(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::ExchangeField {
            field: field.into(),
            message: message.into(),
        }
    }

    pub fn not_found(what: &'static str, id: impl Into<String>) -> Self {
        Error::NotFound {
            what,
            id: id.into(),
        }
    }

    /// Stable machine code, for the UI and scripts.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid { .. } => "invalid",
            Error::NotFound { .. } => "not_found",
            Error::NewerDatabase { .. } => "newer_database",
            Error::Exchange(_) | Error::ExchangeField { .. } => "exchange",
            Error::NotRegister(_) => "not_register",
            Error::Db(_) => "database",
            Error::Migration(_) => "migration",
            Error::Io(_) => "io",
            Error::Json(_) => "json",
            Error::UnknownYear(_) => "calendar_unknown_year",
            Error::Internal(_) => "internal",
            Error::Cancelled => "cancelled",
            Error::FormCheck(_) => "form_check",
            Error::SignInRequired(_) => "sign_in_required",
            Error::Forbidden(_) => "forbidden",
        }
    }

    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Invalid { field, .. } | Error::ExchangeField { field, .. } => {
                Some(field.as_str())
            }
            Error::NotFound { .. }
            | Error::NewerDatabase { .. }
            | Error::Exchange(_)
            | Error::NotRegister(_)
            | Error::Db(_)
            | Error::Migration(_)
            | Error::Io(_)
            | Error::Json(_)
            | Error::UnknownYear(_)
            | Error::Internal(_)
            | Error::Cancelled
            | Error::FormCheck(_)
            | Error::SignInRequired(_)
            | Error::Forbidden(_) => None,
        }
    }

    pub fn to_dto(&self) -> ErrorDto {
        ErrorDto {
            code: self.code().to_string(),
            field: self.field().map(str::to_string),
            message: self.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_in_the_exported_list() {
        let errors = [
            Error::invalid("f", "m"),
            Error::not_found("x", "1"),
            Error::NewerDatabase {
                found: 3,
                supported: 2,
            },
            Error::Exchange("x".into()),
            Error::NotRegister("x".into()),
            Error::exchange("visits[0].headcount", "x"),
            Error::Db(rusqlite::Error::InvalidQuery),
            Error::Io(std::io::Error::other("x")),
            Error::UnknownYear(crate::law::calendar::UnknownYear(2030)),
            Error::Cancelled,
            Error::FormCheck("x".into()),
            Error::SignInRequired("x".into()),
            Error::Forbidden("x".into()),
        ];
        for e in errors {
            assert!(
                ERROR_CODES.iter().any(|(_, c)| *c == e.code()),
                "{}",
                e.code()
            );
        }
        assert!(error_codes_ts().contains("CalendarUnknownYear = 'calendar_unknown_year',"));
    }
}

/// What crosses the IPC boundary when a command fails.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ErrorDto {
    pub code: String,
    pub field: Option<String>,
    pub message: String,
}
