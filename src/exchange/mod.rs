//! The exchange format: versioned JSON carrying sessions, visits, persons, cases,
//! petitions, their lifecycle moves and the change history. It is the import path, the
//! backup-independent export, and what a higher level consolidates.
//! Schema: `docs/exchange.schema.json`. Version 2; version 1 files are still read.

pub mod generate;
mod import;
mod messages;
mod reimport;
mod v1;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::*;
use crate::error::{Error, Result};
use crate::export::Progress;
use crate::records::{CaseRecord, ChangeRecord, PetitionEvent, PetitionRecord, VisitRecord};
use crate::store::{self, Store};

pub const FORMAT: &str = "tiepdan-exchange";
pub const VERSION: u32 = 2;

/// The page cache an import works with (negative: KiB, as SQLite's `cache_size` reads it).
const IMPORT_CACHE_KIB: i64 = -262_144;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Sổ Tiếp Dân exchange file")]
pub struct ExchangeFile {
    /// Always "tiepdan-exchange".
    pub format: String,
    /// Format version; this build writes version 2 and reads versions 1 and 2.
    pub version: u32,
    /// UTC RFC 3339 instant of the export.
    pub exported_at: String,
    /// Name of the exporting unit (settings).
    pub unit_name: String,
    /// Id of the exporting register's own unit: the petitions it numbered carry it. Absent
    /// in version 1 files (their petitions are taken as numbered by `unit_name`).
    #[serde(default)]
    pub unit_id: String,
    /// Every unit whose petitions the file holds (a register may combine several wards').
    #[serde(default)]
    pub units: Vec<Unit>,
    /// Each denunciator's name, identity number, address and phone are masked in this
    /// file (the default export): a masked person never changes a record already held.
    #[serde(default)]
    pub redacted: bool,
    pub fields: Vec<Field>,
    pub persons: Vec<Person>,
    pub cases: Vec<CaseRecord>,
    pub sessions: Vec<Session>,
    pub visits: Vec<VisitRecord>,
    pub petitions: Vec<PetitionRecord>,
    /// Every petition's lifecycle moves, in order.
    pub petition_events: Vec<PetitionEvent>,
    /// The change history of the register (who changed what, when).
    #[serde(default)]
    pub changes: Vec<ChangeRecord>,
}

/// A unit that numbers petitions (a ward's register).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Unit {
    pub id: String,
    pub name: String,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportSummary {
    pub persons: u32,
    pub cases: u32,
    pub sessions: u32,
    pub visits: u32,
    pub petitions: u32,
    /// Lifecycle moves recorded with the new petitions.
    pub events: u32,
    /// Change records of the other register added to the history.
    pub changes: u32,
    /// Records already here that the file's newer history brought up to date (a person's
    /// particulars, a petition's later moves).
    #[serde(default)]
    pub updated: u32,
    /// Records already present (same id), left as they are.
    pub skipped: u32,
    /// Persons of the file who are a citizen already held under another record (the same
    /// ID number and name): their visits and petitions are the held citizen's, whose own
    /// particulars (address, phone) are kept.
    #[serde(default)]
    pub matched: u32,
    /// Persons that came only as a mask ("Người tố cáo (được bảo mật)", no ID number,
    /// address or phone): the file is a redacted export; a full export (`export --full`,
    /// by a leader) imported later gives them their identity.
    #[serde(default)]
    pub masked: u32,
}

impl ImportSummary {
    /// Whether the import wrote any record (added or brought one up to date).
    pub fn wrote(&self) -> bool {
        let ImportSummary {
            persons,
            cases,
            sessions,
            visits,
            petitions,
            events,
            changes,
            updated,
            skipped: _,
            matched: _,
            masked: _,
        } = *self;
        persons + cases + sessions + visits + petitions + events + changes + updated > 0
    }
}

/// The JSON Schema of the exchange format, as committed in `docs/`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(ExchangeFile);
    serde_json::to_string_pretty(&schema).expect("schema serialises") + "\n"
}

/// The text of an exchange file's bytes: UTF-8 (with or without a byte order mark), or
/// UTF-16 with its mark (what Notepad writes as "Unicode"); anything else is refused in
/// words, saying where the first byte that is not text stands.
pub fn text_of(bytes: Vec<u8>) -> Result<String> {
    let utf16 = |be: bool| -> Result<String> {
        let body = &bytes[2..];
        if body.len() % 2 != 0 {
            return Err(not_text("tệp UTF-16 bị cắt dở (số byte lẻ)"));
        }
        let units = body.chunks_exact(2).map(|c| {
            if be {
                u16::from_be_bytes([c[0], c[1]])
            } else {
                u16::from_le_bytes([c[0], c[1]])
            }
        });
        char::decode_utf16(units)
            .collect::<std::result::Result<String, _>>()
            .map_err(|_| not_text("tệp UTF-16 có ký tự hỏng"))
    };
    match bytes.get(..2) {
        Some([0xFF, 0xFE]) => utf16(false),
        Some([0xFE, 0xFF]) => utf16(true),
        // Text without its mark whose every other byte is 0: UTF-16 (or UTF-32) unmarked.
        _ if bytes.len() >= 2 && bytes.iter().take(64).any(|b| *b == 0) => Err(not_text(
            "tệp có byte 0, có lẽ là UTF-16 hay UTF-32 không có dấu BOM",
        )),
        _ => String::from_utf8(bytes).map_err(|e| {
            not_text(&format!(
                "byte thứ {} không phải chữ UTF-8",
                crate::text::group(e.utf8_error().valid_up_to() as u64 + 1)
            ))
        }),
    }
}

fn not_text(why: &str) -> Error {
    Error::exchange(
        "file",
        format!(
            "tệp không phải văn bản JSON mã hóa UTF-8 ({why}): hãy lưu lại tệp với mã hóa UTF-8."
        ),
    )
}

/// Read the exchange file at `path`, opened once (a pipe is read once; a file replaced
/// while it is read is not read again under its name). A well-formed UTF-8 file of this
/// version is read straight from the disk into its records, its text never held whole in
/// memory (at a city's scale, 1.7 GB of text beside the records); any other file (an older
/// version, UTF-16, a mistake to be said in words) is read again, whole, from the same
/// handle, as [`text_of`] and [`parse`] read it. A device (`/dev/zero`…) is refused.
pub fn read_file(path: &std::path::Path) -> Result<ExchangeFile> {
    use std::io::{Read, Seek};
    let shown_path = || crate::text::shown(&path.display().to_string(), 400);
    let unreadable = |e: std::io::Error| {
        Error::invalid(
            "file",
            format!(
                "Không đọc được tệp {}: {}.",
                shown_path(),
                crate::error::io_words(&e)
            ),
        )
    };
    let mut opened = std::fs::File::open(path).map_err(unreadable)?;
    let kind = opened.metadata().map_err(unreadable)?.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_char_device() || kind.is_block_device() || kind.is_socket() {
            return Err(Error::invalid(
                "file",
                format!(
                    "Không đọc được tệp {}: đó là một thiết bị, không phải tệp.",
                    shown_path()
                ),
            ));
        }
    }
    // A mistake of the file as a whole (empty, not JSON, cut short, not text) names the
    // file: the officer may have picked the wrong one.
    let named = |e: Error| match e {
        Error::ExchangeField { field, message } if field == "file" => Error::ExchangeField {
            field,
            message: format!("tệp {}: {message}", shown_path()),
        },
        e => e,
    };
    let whole = |opened: &mut std::fs::File| -> Result<ExchangeFile> {
        let mut bytes = Vec::new();
        opened.read_to_end(&mut bytes).map_err(unreadable)?;
        parse(&text_of(bytes).map_err(named)?).map_err(named)
    };
    if !kind.is_file() {
        // A pipe (`<(zcat …)`) can be read only once.
        return whole(&mut opened);
    }
    if let Some(file) =
        straight(std::io::BufReader::with_capacity(1 << 20, &opened)).map_err(unreadable)?
    {
        return Ok(file);
    }
    opened.rewind().map_err(unreadable)?;
    whole(&mut opened)
}

/// A well-formed UTF-8 file of this version read straight into its records, as it comes
/// (a byte order mark skipped); none for anything else, to be read whole and said in words.
fn straight(mut reader: impl std::io::BufRead) -> std::io::Result<Option<ExchangeFile>> {
    let head = reader.fill_buf()?;
    let marked_utf16 = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
    if marked_utf16 || head.iter().take(64).any(|b| *b == 0) {
        return Ok(None);
    }
    if head.starts_with("\u{feff}".as_bytes()) {
        reader.consume(3);
    }
    Ok(serde_json::from_reader::<_, ExchangeFile>(reader)
        .ok()
        .filter(|file| file.format == FORMAT && file.version == VERSION))
}

/// Read an exchange file of any version this build knows; a version 1 file is converted.
/// A byte order mark at the start (as Notepad writes) is skipped. A refused file gets a
/// Vietnamese message naming the record and the field (its JSON path).
pub fn parse(text: &str) -> Result<ExchangeFile> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Error::exchange("file", "tệp trống: không có gì để nhập."));
    }
    // A well-formed file of this version is read straight into its types (a city's file
    // is hundreds of megabytes: no second copy as a JSON tree); anything else is read
    // again below, as a tree, to say what is wrong and where.
    if let Ok(file) = serde_json::from_str::<ExchangeFile>(text) {
        if file.format == FORMAT && file.version == VERSION {
            return Ok(file);
        }
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| messages::syntax_error(&e))?;
    let kind = match &value {
        serde_json::Value::Object(_) => None,
        serde_json::Value::Array(_) => Some("một mảng […]"),
        serde_json::Value::String(_) => Some("một chuỗi chữ"),
        serde_json::Value::Number(_) => Some("một con số"),
        serde_json::Value::Bool(_) => Some("một giá trị đúng/sai"),
        serde_json::Value::Null => Some("giá trị rỗng (null)"),
    };
    if let Some(kind) = kind {
        return Err(Error::exchange(
            "file",
            format!("tệp phải là một đối tượng JSON {{…}} có trường \"format\" là \"{FORMAT}\", không phải {kind}."),
        ));
    }
    let format = value.get("format").and_then(|f| f.as_str()).unwrap_or("");
    if format != FORMAT {
        return Err(Error::exchange(
            "format",
            format!(
                "đây không phải tệp trao đổi của Sổ Tiếp Dân: trường \"format\" phải là \"{FORMAT}\" (tệp ghi \"{}\").",
                crate::text::shown(format, 40)
            ),
        ));
    }
    let read = |v: &serde_json::Value| -> Result<ExchangeFile> {
        serde_path_to_error::deserialize(v).map_err(|e| {
            messages::shape_error(&value, &e.path().to_string(), &e.inner().to_string())
        })
    };
    // A key written twice in one object: the tree keeps the last, silently; a file the
    // tree reads (and the straight read above did not) is read straight once more to find
    // it, and refused, naming the record and the field. (Only then: a big file with a
    // mistake is not read a third time.)
    let once = |file: ExchangeFile, straight: fn(&str, &serde_json::Value) -> Option<Error>| {
        match straight(text, &value) {
            Some(e) => Err(e),
            None => Ok(file),
        }
    };
    match value.get("version") {
        None => Err(Error::exchange(
            "version",
            "thiếu trường \"version\" (phiên bản định dạng).",
        )),
        Some(v) => match v.as_u64() {
            Some(1) => {
                let old: v1::ExchangeFileV1 =
                    serde_path_to_error::deserialize(&value).map_err(|e| {
                        messages::shape_error(&value, &e.path().to_string(), &e.inner().to_string())
                    })?;
                once(old.into_current(), twice::<v1::ExchangeFileV1>)
            }
            Some(2) => once(read(&value)?, twice::<ExchangeFile>),
            _ => Err(unsupported_version(v)),
        },
    }
}

/// A field written twice in one object of `text` (read straight, as the tree does not
/// keep both), said as any other mistake of the file's shape.
fn twice<T: serde::de::DeserializeOwned>(text: &str, value: &serde_json::Value) -> Option<Error> {
    let e = serde_path_to_error::deserialize::<_, T>(&mut serde_json::Deserializer::from_str(text))
        .err()?;
    let inner = e.inner().to_string();
    let english = inner
        .rsplit_once(" at line ")
        .map_or(inner.as_str(), |(m, _)| m);
    english
        .starts_with("duplicate field ")
        .then(|| messages::shape_error(value, &e.path().to_string(), english))
}

/// A file of a format version this build does not read.
fn unsupported_version(v: &serde_json::Value) -> Error {
    Error::exchange(
        "version",
        format!(
            "phiên bản {} chưa được hỗ trợ (phần mềm này đọc phiên bản 1 và {VERSION}; tệp của phiên bản mới hơn cần phần mềm mới hơn).",
            crate::text::shown(&v.to_string(), 20)
        ),
    )
}

impl Store {
    /// Everything in the register, as an exchange file, each denunciator masked (in
    /// their record and in the history of it).
    pub fn export_exchange(&self) -> Result<ExchangeFile> {
        self.export_exchange_with(false)
    }

    /// [`Self::export_exchange`]; `full`: nothing masked (a leader's choice: the caller
    /// records it with `record_export`). Read back from what [`Self::write_exchange`]
    /// writes, so a file and this value never differ.
    pub fn export_exchange_with(&self, full: bool) -> Result<ExchangeFile> {
        let mut bytes = Vec::new();
        self.write_exchange(full, &mut bytes, &Progress::none())?;
        serde_json::from_slice(&bytes)
            .map_err(|e| Error::Internal(format!("tệp trao đổi vừa xuất không đọc lại được: {e}")))
    }

    /// Write everything in the register to `out` as an exchange file, record by record
    /// as each is read (memory does not grow with the register), each denunciator masked
    /// unless `full`. One read transaction: a consistent snapshot even while the app
    /// writes. One record per line.
    pub fn write_exchange(
        &self,
        full: bool,
        out: &mut dyn std::io::Write,
        progress: &Progress,
    ) -> Result<()> {
        self.require(crate::access::Permission::Export)?;
        if full {
            self.require(crate::access::Permission::Reveal)?;
        }
        let snapshot = self.conn().unchecked_transaction()?;
        let conn: &rusqlite::Connection = &snapshot;
        let total: i64 = conn.query_row(
            "SELECT (SELECT count(*) FROM persons) + (SELECT count(*) FROM cases)
                  + (SELECT count(*) FROM sessions) + (SELECT count(*) FROM visits)
                  + (SELECT count(*) FROM petitions) + (SELECT count(*) FROM petition_events)
                  + (SELECT count(*) FROM changes)",
            [],
            |r| r.get(0),
        )?;
        let mut w = JsonOut {
            out,
            progress,
            done: 0,
            total: total.max(0) as u64,
        };
        w.raw("{\n")?;
        w.value("format", &FORMAT)?;
        w.value("version", &VERSION)?;
        w.value("exported_at", &store::now_utc())?;
        w.value("unit_name", &store::read_settings(conn)?.unit_name)?;
        w.value("unit_id", &store::own_unit_id(conn)?)?;
        w.value("units", &store::all_units(conn)?)?;
        w.value("redacted", &!full)?;
        w.value("fields", &self.fields()?)?;
        // The persons masked in this file, whose history is masked too.
        let mut hidden = std::collections::HashSet::new();
        w.array("persons", |emit| {
            store::each_person(conn, |mut p| {
                if !full && crate::desk::privacy::redact_person(conn, &mut p)? {
                    hidden.insert(p.id.clone());
                }
                emit(p)
            })
        })?;
        w.array("cases", |emit| store::each_case(conn, emit))?;
        w.array("sessions", |emit| store::each_session(conn, emit))?;
        w.array("visits", |emit| store::each_visit(conn, emit))?;
        w.array("petitions", |emit| store::each_petition(conn, emit))?;
        w.array("petition_events", |emit| store::each_event(conn, emit))?;
        w.raw("  \"changes\": [")?;
        w.items(|emit| {
            store::each_change(conn, |mut c| {
                if !full {
                    crate::desk::privacy::redact_change(conn, &mut c, &hidden)?;
                }
                emit(c)
            })
        })?;
        w.raw("]\n}\n")?;
        snapshot.finish()?;
        Ok(())
    }

    /// Import an exchange file, all or nothing, through the desk's own use cases: every
    /// record is checked by the rules it would meet at the desk (a session in the future,
    /// a transfer without an agency, a move the law does not allow are refused), and the
    /// message names the record. Records whose id is already present are skipped, so
    /// importing the same file twice changes nothing.
    pub fn import_exchange(&mut self, file: &ExchangeFile) -> Result<ImportSummary> {
        self.import_exchange_with(file, &Progress::none())
    }

    /// [`Self::import_exchange`], telling `progress` how many of the file's records are
    /// done (the last step, all of them, comes before the search index and the day
    /// counters are brought up to date and the import is committed); a stop asked for
    /// refuses the whole import (`Error::Cancelled`).
    pub fn import_exchange_with(
        &mut self,
        file: &ExchangeFile,
        progress: &Progress,
    ) -> Result<ImportSummary> {
        self.import_exchange_owned(file.clone(), progress)
    }

    /// [`Self::import_exchange_with`], taking the file: each of its lists is let go as soon
    /// as it is imported (what `tiepdan import` does: a city's file is gigabytes of
    /// records, and the petitions, the last imported, need the room).
    pub fn import_exchange_owned(
        &mut self,
        file: ExchangeFile,
        progress: &Progress,
    ) -> Result<ImportSummary> {
        self.require(crate::access::Permission::Record)?;
        if file.format != FORMAT {
            return Err(Error::exchange(
                "format",
                format!(
                    "đây không phải tệp trao đổi của Sổ Tiếp Dân: trường \"format\" phải là \"{FORMAT}\" (tệp ghi \"{}\").",
                    crate::text::shown(&file.format, 40)
                ),
            ));
        }
        if file.version != VERSION && file.version != 1 {
            return Err(unsupported_version(&file.version.into()));
        }
        // A big import rewrites pages of every table and index: with SQLite's default
        // cache (2 MB) each would be spilled to the journal many times over. A larger
        // cache for the import only.
        let conn = self.conn();
        let cache: i64 = conn.pragma_query_value(None, "cache_size", |r| r.get(0))?;
        conn.pragma_update(None, "cache_size", IMPORT_CACHE_KIB)?;
        // The day counters' triggers are set aside: every day is counted again once, at the
        // commit, if the import wrote anything. So are the indexes only reads use, of the
        // tables still empty: each is built once, sorted, at the end.
        let result = self.write_quietly(|tx| {
            crate::store::without_day_triggers(
                tx.conn(),
                || {
                    crate::store::without_read_only_indexes(tx.conn(), || {
                        import::import(tx, file, progress)
                    })
                },
                ImportSummary::wrote,
            )
        });
        self.conn().pragma_update(None, "cache_size", cache)?;
        result
    }
}

/// The exchange file as it is written: two-space keys, one record per line.
struct JsonOut<'a> {
    out: &'a mut dyn std::io::Write,
    progress: &'a Progress<'a>,
    done: u64,
    total: u64,
}

impl JsonOut<'_> {
    fn raw(&mut self, text: &str) -> Result<()> {
        Ok(self.out.write_all(text.as_bytes())?)
    }

    fn json(&mut self, value: &impl Serialize) -> Result<()> {
        serde_json::to_writer(&mut *self.out, value).map_err(|e| match e.io_error_kind() {
            Some(_) => Error::Io(e.into()),
            None => Error::Internal(format!("xuất tệp trao đổi: {e}")),
        })
    }

    /// `"key": value,` on a line of its own.
    fn value(&mut self, key: &str, value: &impl Serialize) -> Result<()> {
        self.raw("  ")?;
        self.json(&key)?;
        self.raw(": ")?;
        self.json(value)?;
        self.raw(",\n")
    }

    /// `"key": [ … ],` with the records `rows` hands out.
    fn array<T: Serialize>(
        &mut self,
        key: &str,
        rows: impl FnOnce(&mut dyn FnMut(T) -> Result<()>) -> Result<()>,
    ) -> Result<()> {
        self.raw("  ")?;
        self.json(&key)?;
        self.raw(": [")?;
        self.items(rows)?;
        self.raw("],\n")
    }

    /// The records `rows` hands out, one per line, comma-separated.
    fn items<T: Serialize>(
        &mut self,
        rows: impl FnOnce(&mut dyn FnMut(T) -> Result<()>) -> Result<()>,
    ) -> Result<()> {
        let mut first = true;
        rows(&mut |item: T| {
            self.raw(if first { "\n    " } else { ",\n    " })?;
            first = false;
            self.json(&item)?;
            self.done += 1;
            if self.done % 1024 == 0 {
                self.progress.step(self.done, self.total)?;
            }
            Ok(())
        })?;
        if !first {
            self.raw("\n  ")?;
        }
        self.progress.step(self.done, self.total)
    }
}

#[cfg(test)]
mod text_tests {
    use super::text_of;

    /// A file of this version is read straight from its bytes (never held whole); any
    /// other goes the long way, where its mistakes are said.
    #[test]
    fn only_a_well_formed_file_of_this_version_is_read_straight() {
        let file = super::ExchangeFile {
            unit_name: "phường Việt Hòa".into(),
            redacted: true,
            ..super::generate::empty_file()
        };
        let text = serde_json::to_string(&file).unwrap();
        let read = |bytes: &[u8]| super::straight(bytes).unwrap();
        assert_eq!(read(text.as_bytes()), Some(file.clone()));
        assert_eq!(read(format!("\u{feff}{text}").as_bytes()), Some(file));
        let older = text.replace("\"version\":2", "\"version\":1");
        assert_ne!(older, text);
        assert_eq!(read(older.as_bytes()), None);
        assert_eq!(
            read(text.replace("tiepdan-exchange", "khac").as_bytes()),
            None
        );
        assert_eq!(read(&text.as_bytes()[..text.len() / 2]), None);
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(read(&utf16), None);
        assert_eq!(read(b""), None);
    }

    #[test]
    fn a_file_is_read_as_utf8_or_as_marked_utf16_else_refused_in_words() {
        assert_eq!(text_of(b"{\"a\": 1}".to_vec()).unwrap(), "{\"a\": 1}");
        let word = "Sổ Tiếp Dân";
        let mut le = vec![0xFF, 0xFE];
        le.extend(word.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(text_of(le).unwrap(), word);
        let mut be = vec![0xFE, 0xFF];
        be.extend(word.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(text_of(be).unwrap(), word);
        let e = text_of(vec![b'{', b' ', 0xC3, 0x28]).unwrap_err();
        assert_eq!(e.field(), Some("file"));
        assert!(
            e.to_string().contains("byte thứ 3 không phải chữ UTF-8"),
            "{e}"
        );
        let e = text_of(vec![0xFF, 0xFE, 0x41]).unwrap_err();
        assert!(e.to_string().contains("số byte lẻ"), "{e}");
        let unmarked: Vec<u8> = "{}".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let e = text_of(unmarked).unwrap_err();
        assert!(e.to_string().contains("không có dấu BOM"), "{e}");
    }
}
