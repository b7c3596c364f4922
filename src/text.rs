//! Text at the boundary, and text folding for diacritics-blind search of Vietnamese.
//!
//! Every free text that enters the core (a desk form, a record of an imported file) goes
//! once through [`tidy`]: NFC, trimmed, refused with a message naming the field when it
//! holds control characters, is made only of invisible characters where a value is
//! required, or is longer than its stated [`limits`].
//!
//! FTS5's `unicode61 remove_diacritics 2` folds the vowels (ễ, ằ, ệ) but not đ/Đ, which
//! has no Unicode decomposition; so text is NFC-normalised, lower-cased and đ→d folded
//! here, in Rust, before it is indexed and before it is queried.

use unicode_normalization::UnicodeNormalization;

use crate::error::{Error, Result};

/// The longest text each kind of field holds, in characters (after NFC). Stated once here
/// and in `docs/kien-truc.md`.
pub mod limits {
    /// A person's full name, a host's name, a unit's or team's name, a signer.
    pub const NAME: usize = 200;
    /// An address, a place of reception.
    pub const ADDRESS: usize = 500;
    /// What a visit or a petition is about, a case's summary.
    pub const CONTENT: usize = 10_000;
    /// Notes of a session, the note of a move.
    pub const NOTES: usize = 10_000;
    /// An agency (transferred to, guided to, transferring), a respondent.
    pub const AGENCY: usize = 300;
    /// The number of a letter, a decision, a report.
    pub const DOC_NO: usize = 100;
    /// An identity number as typed (checked digit by digit afterwards).
    pub const ID_NUMBER: usize = 20;
    /// A phone number as typed (checked digit by digit afterwards).
    pub const PHONE: usize = 30;
    /// A record's id or a catalogue code (in a file: a UUID is 36).
    pub const ID: usize = 100;
    /// A short label: a reporting period's, a calendar day's name.
    pub const LABEL: usize = 200;
    /// The "Nơi nhận" list of a report, one recipient a line.
    pub const RECIPIENTS: usize = 2_000;
    /// A folder path (where exports are written).
    pub const PATH: usize = 1_000;
}

/// What a field holds: its Vietnamese label (for messages), its limit, and whether it
/// is multi-line (then line feeds and tabs are allowed in it).
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub label: &'static str,
    pub max: usize,
    pub multiline: bool,
}

/// A one-line text field.
pub const fn line(label: &'static str, max: usize) -> Rule {
    Rule {
        label,
        max,
        multiline: false,
    }
}

/// A multi-line text field (content, notes).
pub const fn lines(label: &'static str, max: usize) -> Rule {
    Rule {
        label,
        max,
        multiline: true,
    }
}

/// Characters that show nothing: zero-width spaces and joiners, the byte order mark, the
/// soft hyphen, word joiners, direction marks, fillers.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2060}'..='\u{2064}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
    )
}

/// Invisible characters that carry nothing in Vietnamese text anywhere in it (others,
/// such as the joiners of an emoji, are only trimmed from the ends).
fn is_dropped(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}'
    )
}

/// Control characters never accepted in a text: C0 and C1 controls (NUL, ESC and the
/// terminal escapes included), DEL, and the direction overrides that make a text show
/// other than it reads. Line feeds and tabs are the multi-line fields' own.
fn is_forbidden(c: char, multiline: bool) -> bool {
    if multiline && (c == '\n' || c == '\t') {
        return false;
    }
    c.is_control()
        || matches!(
            c,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}'
        )
}

/// A value for a message: at most `n` characters, control characters shown as `�`.
pub fn shown(value: &str, n: usize) -> String {
    let mut out: String = value
        .chars()
        .take(n)
        .map(|c| {
            if is_forbidden(c, false) {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect();
    if value.chars().count() > n {
        out.push('…');
    }
    out
}

/// The text as the register keeps it: NFC, line ends as `\n` (multi-line), invisible
/// characters that carry nothing dropped, whitespace and invisible characters trimmed
/// from both ends; `None` when nothing is left. Refused, naming `field`: a control
/// character, a text longer than the rule's limit.
pub fn tidy(field: &str, rule: Rule, value: &str) -> Result<Option<String>> {
    let mut text: String = nfc(value).chars().filter(|c| !is_dropped(*c)).collect();
    if rule.multiline && text.contains('\r') {
        text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    let text = text.trim_matches(|c: char| c.is_whitespace() || is_invisible(c));
    if let Some((i, c)) = text
        .chars()
        .enumerate()
        .find(|(_, c)| is_forbidden(*c, rule.multiline))
    {
        let what = match c {
            '\0' => "ký tự rỗng (NUL)".to_string(),
            '\u{1B}' | '\u{9B}' => "mã điều khiển màn hình (ESC)".to_string(),
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => "dấu xuống dòng".to_string(),
            '\t' => "dấu tab".to_string(),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
                format!("ký tự đảo chiều chữ U+{:04X}", c as u32)
            }
            c => format!("ký tự điều khiển U+{:04X}", c as u32),
        };
        return Err(Error::invalid(
            field,
            format!(
                "{} có {what} ở ký tự thứ {}: ô này chỉ nhận chữ, số và dấu câu{}.",
                rule.label,
                i + 1,
                if rule.multiline {
                    ", xuống dòng"
                } else {
                    ""
                }
            ),
        ));
    }
    let n = text.chars().count();
    if n > rule.max {
        return Err(Error::invalid(
            field,
            format!(
                "{} dài {} ký tự, quá giới hạn {} ký tự.",
                rule.label,
                group(n as u64),
                group(rule.max as u64)
            ),
        ));
    }
    Ok((!text.is_empty()).then(|| text.to_string()))
}

/// [`tidy`] of a value that must be given: empty, or made only of invisible
/// characters, is refused.
pub fn tidy_required(field: &str, rule: Rule, value: &str) -> Result<String> {
    match tidy(field, rule, value)? {
        Some(text) => Ok(text),
        None if value.chars().any(|c| !c.is_whitespace()) => Err(Error::invalid(
            field,
            format!(
                "{} chỉ gồm ký tự vô hình (khoảng trắng không độ rộng, dấu BOM…): hãy nhập nội dung.",
                rule.label
            ),
        )),
        None => Err(Error::invalid(
            field,
            format!("{} không được để trống.", rule.label),
        )),
    }
}

/// [`tidy`] of an optional value: an empty one is `None`, never `""`.
pub fn tidy_optional(field: &str, rule: Rule, value: &Option<String>) -> Result<Option<String>> {
    match value {
        Some(v) => tidy(field, rule, v),
        None => Ok(None),
    }
}

/// 10000 → "10.000", as a Vietnamese reader groups digits.
pub(crate) fn group(n: u64) -> String {
    group_digits(&n.to_string())
}

/// "1234567" → "1.234.567": a run of ASCII digits grouped by thousands with dots.
pub(crate) fn group_digits(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// NFC, lower case, đ→d. Vowel marks are left for FTS5 to fold.
pub fn fold(text: &str) -> String {
    nfc(text)
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// Fully strip marks as well (NFD, drop combining marks): used where SQLite is not involved.
pub fn strip(text: &str) -> String {
    fold(text)
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect()
}

/// A prefix query for FTS5 built from what the officer typed: each word becomes a
/// quoted prefix term, so punctuation in the input cannot break the query syntax.
pub fn fts_prefix_query(input: &str) -> Option<String> {
    let terms: Vec<String> = fold(input)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// Trim, and turn an empty string into `None`.
pub fn clean(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| nfc(s).into_owned())
}

/// `text` in NFC: borrowed as it is when a quick check proves it already is (most text:
/// what the desk and the register write), composed otherwise.
fn nfc(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{is_nfc_quick, IsNormalized};
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.nfc().collect())
    }
}

/// An ISO date as an officer writes it: `2026-02-05` → `05/02/2026` (anything else as is).
pub fn vn_date(iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_else(|_| iso.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_d_with_stroke_and_case() {
        assert_eq!(fold("Nguyễn Văn Đức"), "nguyễn văn dức");
        assert_eq!(strip("Nguyễn Văn Đức"), "nguyen van duc");
        assert_eq!(strip("ĐẶNG THỊ HỒNG"), "dang thi hong");
    }

    #[test]
    fn decomposed_input_is_normalised() {
        // "ễ" typed as e + circumflex + tilde (NFD), as some keyboards send it.
        let nfd = "Nguye\u{0302}\u{0303}n";
        assert_eq!(fold(nfd), "nguyễn");
    }

    #[test]
    fn tidy_normalises_trims_and_refuses() {
        let name = line("Họ và tên", 10);
        assert_eq!(
            tidy("f", name, " \u{200B}Nguye\u{0302}\u{0303}n\u{FEFF} \n").unwrap(),
            Some("Nguyễn".into())
        );
        assert_eq!(tidy("f", name, " \u{200B} ").unwrap(), None);
        let e = tidy_required("f", name, "\u{200B}\u{200D}").unwrap_err();
        assert!(e.to_string().contains("vô hình"), "{e}");
        assert_eq!(e.field(), Some("f"));
        assert!(tidy_required("f", name, "  ")
            .unwrap_err()
            .to_string()
            .contains("không được để trống"));
        for bad in [
            "a\0b",
            "a\u{1b}[31mb",
            "a\nb",
            "a\tb",
            "a\u{9b}b",
            "a\u{202E}b",
        ] {
            let e = tidy("f", name, bad).unwrap_err();
            assert!(e.to_string().starts_with("Họ và tên có "), "{e}");
        }
        let notes = lines("Ghi chú", 20);
        assert_eq!(
            tidy("f", notes, "a\r\nb\tc\rd").unwrap(),
            Some("a\nb\tc\nd".into())
        );
        assert!(tidy("f", notes, "a\u{1b}b").is_err());
        let e = tidy("f", name, "abcdefghijk").unwrap_err();
        assert!(e.to_string().contains("quá giới hạn 10 ký tự"), "{e}");
        assert_eq!(group(10_000), "10.000");
        assert_eq!(shown("a\u{1b}bcdef", 3), "a\u{FFFD}b…");
    }

    #[test]
    fn prefix_query_quotes_terms() {
        assert_eq!(
            fts_prefix_query("nguyen van Đ").as_deref(),
            Some("\"nguyen\"* \"van\"* \"d\"*")
        );
        assert_eq!(fts_prefix_query("  \"*( ").as_deref(), None);
    }
}
