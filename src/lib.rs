//! Sổ Tiếp Dân core: domain, rules, storage, reports and the exchange format.
//! Knows nothing of Tauri or of the UI.

pub mod access;
pub mod backup;
pub mod bench;
pub mod bindings;
pub mod catalogue;
pub mod clock;
pub mod demo;
pub mod desk;
pub mod domain;
pub mod error;
pub mod exchange;
pub mod export;
pub mod forms;
pub mod law;
pub mod period;
pub mod records;
pub mod report;
pub mod store;
pub mod text;
pub mod validate;

pub use error::{Error, ErrorDto, Result};
pub use store::Store;
