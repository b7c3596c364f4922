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
    #[error("Lỗi cơ sở dữ liệu: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("Lỗi nâng cấp cơ sở dữ liệu: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("Lỗi đọc/ghi tệp: {0}")]
    Io(#[from] std::io::Error),
    #[error("Lỗi định dạng JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// A date in a year the working-day calendar does not know: nothing is guessed.
    #[error("{0}")]
    UnknownYear(#[from] crate::law::calendar::UnknownYear),
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Invalid {
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
            Error::Exchange(_) => "exchange",
            Error::Db(_) => "database",
            Error::Migration(_) => "migration",
            Error::Io(_) => "io",
            Error::Json(_) => "json",
            Error::UnknownYear(_) => "calendar_unknown_year",
        }
    }

    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Invalid { field, .. } => Some(field.as_str()),
            Error::NotFound { .. }
            | Error::NewerDatabase { .. }
            | Error::Exchange(_)
            | Error::Db(_)
            | Error::Migration(_)
            | Error::Io(_)
            | Error::Json(_)
            | Error::UnknownYear(_) => None,
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

/// What crosses the IPC boundary when a command fails.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ErrorDto {
    pub code: String,
    pub field: Option<String>,
    pub message: String,
}
