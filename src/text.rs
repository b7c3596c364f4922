//! Text folding for diacritics-blind search of Vietnamese.
//!
//! FTS5's `unicode61 remove_diacritics 2` folds the vowels (ễ, ằ, ệ) but not đ/Đ, which
//! has no Unicode decomposition; so text is NFC-normalised, lower-cased and đ→d folded
//! here, in Rust, before it is indexed and before it is queried.

use unicode_normalization::UnicodeNormalization;

/// NFC, lower case, đ→d. Vowel marks are left for FTS5 to fold.
pub fn fold(text: &str) -> String {
    text.nfc()
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
        .map(|s| s.nfc().collect())
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
    fn prefix_query_quotes_terms() {
        assert_eq!(
            fts_prefix_query("nguyen van Đ").as_deref(),
            Some("\"nguyen\"* \"van\"* \"d\"*")
        );
        assert_eq!(fts_prefix_query("  \"*( ").as_deref(), None);
    }
}
