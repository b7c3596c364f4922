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

/// A line telling how far a long piece of work is, as the command line shows it:
/// "Đang nhập tệp: 45% (123.456/273.000 bản ghi)".
pub fn progress_line(what: &str, done: u64, total: u64) -> String {
    let percent = (done.min(total) * 100).checked_div(total).unwrap_or(100);
    format!(
        "{what}: {percent}% ({}/{} bản ghi)",
        crate::text::group(done.min(total)),
        crate::text::group(total)
    )
}

#[cfg(test)]
mod tests {
    use super::progress_line;

    #[test]
    fn a_progress_line_says_the_share_and_the_records_vietnamese_style() {
        assert_eq!(
            progress_line("Đang nhập tệp", 123_456, 273_000),
            "Đang nhập tệp: 45% (123.456/273.000 bản ghi)"
        );
        assert_eq!(
            progress_line("Đang xuất", 0, 0),
            "Đang xuất: 100% (0/0 bản ghi)"
        );
        assert_eq!(
            progress_line("Đang xuất", 7, 5),
            "Đang xuất: 100% (5/5 bản ghi)"
        );
        assert_eq!(
            progress_line("Đang xuất", 1, 3),
            "Đang xuất: 33% (1/3 bản ghi)"
        );
    }
}
