//! The statutory forms as data (design.md, "Statutory forms as data"): each table of
//! Thông tư 06/2025/TT-TTCP and the Sổ tiếp công dân is defined once here, with its
//! header, its numbered columns and the formulas of its "MS" row, and computed from the
//! period's facts; every renderer (screen, CLI, xlsx, docx) draws this one definition.

mod table;

pub use table::*;
