//! What the export tests share: reading parts of a zip (xlsx, docx), and rendering a
//! file to PDF with LibreOffice, then to text and pictures with poppler, as a person
//! would print and look at it.
#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

/// One part of a zip package (`xl/workbook.xml`, `word/document.xml`) as text.
pub fn zip_part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip package");
    let mut part = zip
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the package"));
    let mut text = String::new();
    part.read_to_string(&mut text).unwrap();
    text
}

fn found(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// LibreOffice and poppler, when installed (`scripts/install-deps.sh` installs them);
/// otherwise a note is printed and the rendering part of a test is skipped.
pub fn renderers() -> bool {
    let missing: Vec<&str> = ["soffice", "pdftotext", "pdftoppm", "pdfinfo", "pdffonts"]
        .into_iter()
        .filter(|p| !found(p))
        .collect();
    if missing.is_empty() {
        true
    } else {
        eprintln!(
            "NOTE: {} not installed: the PDF rendering check is skipped (scripts/install-deps.sh installs them).",
            missing.join(", ")
        );
        false
    }
}

/// Convert `input` to PDF in `dir` with a private LibreOffice profile (parallel runs
/// would otherwise fight over the user's one), returning the PDF's path. LibreOffice now
/// and then aborts while it sets up a new profile (seen once in a full run, with
/// `WrappedTargetRuntimeException`): it is tried again with another profile, at most
/// three times, and the test fails if it never makes the PDF.
pub fn to_pdf(input: &Path, dir: &Path) -> PathBuf {
    let pdf = dir.join(input.with_extension("pdf").file_name().unwrap());
    let mut said = Vec::new();
    for attempt in 1..=3 {
        let profile = dir.join(format!("lo-profile-{attempt}"));
        let out = Command::new("timeout")
            .arg("300")
            .arg("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args([
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
            ])
            .arg(dir)
            .arg(input)
            .output()
            .expect("soffice runs");
        if pdf.exists() {
            return pdf;
        }
        said.push(format!(
            "attempt {attempt}: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    panic!("soffice made no PDF:\n{}", said.join("\n"));
}

/// The PDF's text, laid out as on the page.
pub fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// The text of one page of the PDF, laid out as on the page.
pub fn pdf_page_text(pdf: &Path, page: usize) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", "-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// Every font the PDF embeds must be Times New Roman or its metric twin Liberation
/// Serif (2.x, which has every Vietnamese letter): a fallback font would mean a letter
/// the font lacks, printed in another face and width.
pub fn assert_times_only(pdf: &Path) {
    let out = Command::new("pdffonts")
        .arg(pdf)
        .output()
        .expect("pdffonts runs");
    let list = String::from_utf8_lossy(&out.stdout).to_string();
    let fonts: Vec<&str> = list
        .lines()
        .skip(2)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(!fonts.is_empty(), "{list}");
    for font in fonts {
        let face = font.split_once('+').map(|(_, f)| f).unwrap_or(font);
        assert!(
            face.starts_with("LiberationSerif") || face.starts_with("TimesNewRoman"),
            "{face} in the PDF: only Times New Roman metrics expected (install fonts-liberation2)\n{list}"
        );
    }
}

/// Whether the PDF's text holds `expected`, whitespace aside: pdftotext puts spaces
/// inside words where the layout spaced the glyphs ("Đ ỊNH", "v ụ") and breaks lines
/// inside wrapped cells.
pub fn pdf_has(text: &str, expected: &str) -> bool {
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    squeeze(text).contains(&squeeze(expected))
}

/// How many pages, and the first page's size in points (width, height).
pub fn pdf_pages(pdf: &Path) -> (usize, f64, f64) {
    let out = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo runs");
    let info = String::from_utf8_lossy(&out.stdout).to_string();
    let field = |name: &str| {
        info.lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("{name} in pdfinfo:\n{info}"))
            .split_once(':')
            .unwrap()
            .1
            .trim()
            .to_string()
    };
    let pages = field("Pages").parse().unwrap();
    let size = field("Page size");
    let mut nums = size
        .split_whitespace()
        .filter_map(|w| w.parse::<f64>().ok());
    (pages, nums.next().unwrap(), nums.next().unwrap())
}

/// Page 1 as a PNG at 50 dpi, for a person to look at.
pub fn first_page_png(pdf: &Path) -> PathBuf {
    let prefix = pdf.with_extension("");
    let status = Command::new("pdftoppm")
        .args(["-r", "50", "-png", "-f", "1", "-l", "1", "-singlefile"])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm runs");
    assert!(status.success());
    prefix.with_extension("png")
}

/// With `TIEPDAN_RENDER_DIR` set, keep a copy of a rendered file there to look at.
pub fn keep(path: &Path) {
    if let Ok(dir) = std::env::var("TIEPDAN_RENDER_DIR") {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(path, Path::new(&dir).join(path.file_name().unwrap())).unwrap();
    }
}
