//! Renderers of the statutory outputs into the files an office files: xlsx (the six
//! tables, the Sổ), docx (the Mẫu 02 report), csv (any list). Each renders a value built
//! by `forms` or `report` into bytes; `files` writes them whole or not at all.
//! Long work reports progress and can be stopped (`Progress`).

use crate::error::{Error, Result};

pub mod csv;
pub mod docx;
pub mod files;
pub mod job;
pub mod xlsx;

pub use self::csv::csv_bytes;
pub use self::docx::report_docx;
pub use self::files::{check_target, name_taken, write_whole, write_whole_new};
pub use self::xlsx::{register_xlsx, tables_xlsx};

/// Progress of a long piece of work: told how much is done of how much, it answers
/// whether to go on (false stops the work with `Error::Cancelled`).
pub struct Progress<'a>(pub &'a (dyn Fn(u64, u64) -> bool + Sync));

impl Progress<'_> {
    /// No one watching: never stops.
    pub fn none() -> Progress<'static> {
        Progress(&|_, _| true)
    }

    /// Report `done` of `total`; `Err(Cancelled)` if asked to stop.
    pub fn step(&self, done: u64, total: u64) -> Result<()> {
        if (self.0)(done, total) {
            Ok(())
        } else {
            Err(Error::Cancelled)
        }
    }
}
