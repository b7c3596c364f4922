//! Writing an export to disk: whole or not at all, never onto the register, never over
//! a file without being asked.

use std::ffi::OsString;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, Result};

/// Temporary names beside a target are unique within the process too (two exports of
/// one window may run at once).
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// The folder a file goes into ("." for a bare name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A name beside `path` that nothing else uses: `.<name>.tmp-<pid>-<n>`.
fn temp_beside(path: &Path, what: &str) -> PathBuf {
    let mut name = OsString::from(".");
    name.push(path.file_name().unwrap_or_else(|| "xuat".as_ref()));
    name.push(format!(
        ".{what}-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    folder_of(path).join(name)
}

/// Why a file could not be written, in words a desk officer understands.
fn cause(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "thư mục không tồn tại".into(),
        io::ErrorKind::PermissionDenied => "không có quyền ghi".into(),
        _ => crate::error::io_words(e),
    }
}

/// Write `bytes` to `path` whole or not at all: into a temporary file beside it, synced
/// to the disk, then renamed over the target. A failure (a full disk, a target that is a
/// folder, a power cut) leaves the previous file as it was, and the temporary file is
/// removed.
pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    write_whole_with(path, |w| Ok(w.write_all(bytes)?))
}

/// [`write_whole`] of what `content` writes (a long file written as it is made).
pub fn write_whole_with(
    path: &Path,
    content: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    write_via_temp(path, content, |tmp| fs::rename(tmp, path))
}

/// Like [`write_whole`], but never over a file, even one that appeared after the checks
/// (two exports at once): the finished file is linked in under its name, which fails if
/// the name is taken. A file system without links (FAT) gets the name created exclusively
/// and the finished file copied into it.
pub fn write_whole_new(path: &Path, bytes: &[u8]) -> Result<()> {
    write_whole_new_with(path, |w| Ok(w.write_all(bytes)?))
}

/// [`write_whole_new`] of what `content` writes.
pub fn write_whole_new_with(
    path: &Path,
    content: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    write_via_temp(path, content, |tmp| match fs::hard_link(tmp, path) {
        Ok(()) => fs::remove_file(tmp),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => {
            let mut f = OpenOptions::new().write(true).create_new(true).open(path)?;
            io::copy(&mut fs::File::open(tmp)?, &mut f)?;
            f.sync_all()?;
            fs::remove_file(tmp)
        }
    })
}

/// Whether a write failed because the name was taken meanwhile.
pub fn name_taken(e: &Error) -> bool {
    matches!(e, Error::Io(io) if io.kind() == io::ErrorKind::AlreadyExists)
}

fn write_via_temp(
    path: &Path,
    content: impl FnOnce(&mut dyn Write) -> Result<()>,
    place: impl FnOnce(&Path) -> io::Result<()>,
) -> Result<()> {
    let tmp = temp_beside(path, "tmp");
    // What stopped the content other than the disk (stopped by the user, the register).
    let mut stopped = None;
    let written = (|| -> io::Result<()> {
        let f = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        let mut buffered = io::BufWriter::new(f);
        match content(&mut buffered) {
            Ok(()) => {}
            Err(Error::Io(e)) => return Err(e),
            Err(other) => {
                stopped = Some(other);
                return Err(io::Error::other("stopped"));
            }
        }
        let f = buffered.into_inner().map_err(|e| e.into_error())?;
        f.sync_all()?;
        drop(f);
        place(&tmp)?;
        // The rename itself is durable once the folder is synced (POSIX); Windows has no
        // such call and needs none.
        #[cfg(unix)]
        if let Ok(dir) = fs::File::open(folder_of(path)) {
            let _ = dir.sync_all();
        }
        Ok(())
    })();
    match written {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            if let Some(stopped) = stopped {
                return Err(stopped);
            }
            // On Linux renaming a file onto a folder says "is a directory"; other
            // systems say less: name it ourselves.
            let why = if path.is_dir() {
                "đó là một thư mục, không phải tệp".to_string()
            } else if e.kind() == io::ErrorKind::AlreadyExists {
                "tệp đã có (vừa được ghi bởi một lần xuất khác)".to_string()
            } else {
                cause(&e)
            };
            Err(Error::Io(io::Error::new(
                e.kind(),
                format!("không ghi được tệp {}: {why}.", path.display()),
            )))
        }
    }
}

/// The same file, as far as can be told without it existing: the folder resolved (links,
/// "..", the drive's spelling), the name compared as the file system does.
fn same_file(a: &Path, b: &Path) -> bool {
    // A second name of the same file (a hard link) is the same file: known from the
    // file system without opening it (a descriptor of the register opened and closed
    // here would drop this process's locks on it).
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (fs::metadata(a), fs::metadata(b)) {
            if x.dev() == y.dev() && x.ino() == y.ino() {
                return true;
            }
        }
    }
    fn resolved(p: &Path) -> Option<PathBuf> {
        if let Ok(c) = p.canonicalize() {
            return Some(c);
        }
        let folder = folder_of(p).canonicalize().ok()?;
        Some(folder.join(p.file_name()?))
    }
    match (resolved(a), resolved(b)) {
        // Windows and macOS file names ignore case.
        (Some(a), Some(b)) if cfg!(any(windows, target_os = "macos")) => {
            a.to_string_lossy().to_lowercase() == b.to_string_lossy().to_lowercase()
        }
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// May an export be written to `path`? Refused (`Error::Invalid` on the field "file", in
/// Vietnamese): the register's database file or its journals (`-wal`, `-shm`,
/// `-journal`: a file there would be taken by SQLite as part of the register), a folder
/// that does not exist or cannot be written to (named), a path that is a folder, and an
/// existing file unless `force`.
pub fn check_target(path: &Path, register: Option<&Path>, force: bool) -> Result<()> {
    let refuse = |message: String| Err(Error::invalid("file", message));
    if let Some(db) = register {
        let journal = |suffix: &str| {
            let mut name = db.as_os_str().to_owned();
            name.push(suffix);
            PathBuf::from(name)
        };
        let parts = [
            db.to_path_buf(),
            journal("-wal"),
            journal("-shm"),
            journal("-journal"),
        ];
        if parts.iter().any(|p| same_file(p, path)) {
            return refuse(format!(
                "Không xuất được ra {}: đó là tệp cơ sở dữ liệu của sổ (hoặc tệp đi kèm của nó). Hãy chọn tên tệp khác.",
                path.display()
            ));
        }
    }
    if path.file_name().is_none() {
        return refuse(format!(
            "Không xuất được ra {}: cần một tên tệp, không phải thư mục.",
            path.display()
        ));
    }
    let folder = folder_of(path);
    match fs::metadata(&folder) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            return refuse(format!(
                "Không xuất được: {} không phải là thư mục.",
                folder.display()
            ))
        }
        Err(_) => {
            return refuse(format!(
                "Không xuất được: thư mục {} không tồn tại. Hãy chọn một thư mục có sẵn.",
                folder.display()
            ))
        }
    }
    // Whether the folder takes a new file is known only by trying: permissions read from
    // the metadata say nothing of Windows' access lists or a read-only disk.
    let probe = temp_beside(path, "thu-ghi");
    match OpenOptions::new().write(true).create_new(true).open(&probe) {
        Ok(f) => {
            drop(f);
            let _ = fs::remove_file(&probe);
        }
        Err(e) => {
            return refuse(format!(
                "Không ghi được vào thư mục {}: {}. Hãy chọn thư mục khác.",
                folder.display(),
                cause(&e)
            ))
        }
    }
    if path.is_dir() {
        return refuse(format!(
            "Không xuất được ra {}: đó là một thư mục, không phải tệp.",
            path.display()
        ));
    }
    if let Ok(m) = fs::symlink_metadata(path) {
        // Never replaced, even when asked: a link, a device (the rename put a plain file
        // in its place), or a database (another register, a backup: "--force" onto a
        // backup's name destroyed it).
        if !m.is_file() {
            return refuse(format!(
                "Không xuất được ra {}: đó không phải một tệp thường (liên kết, thiết bị…), phần mềm không ghi đè lên nó. Hãy chọn tên tệp khác.",
                path.display()
            ));
        }
        if is_database(path) || is_journal_of_database(path) {
            return refuse(format!(
                "Không xuất được ra {}: đó là một cơ sở dữ liệu hoặc tệp đi kèm của nó (một sổ, một bản sao lưu), phần mềm không ghi đè lên nó, kể cả khi cho phép ghi đè. Hãy chọn tên tệp khác.",
                path.display()
            ));
        }
    }
    if path.exists() && !force {
        return refuse(format!(
            "Tệp {} đã có. Hãy chọn tên khác, hoặc cho phép ghi đè (--force).",
            path.display()
        ));
    }
    Ok(())
}

/// Whether `path` is a journal ("-wal", "-shm", "-journal") beside an SQLite database
/// (any register, a file a restore kept aside): replacing it loses that database's
/// committed records.
fn is_journal_of_database(path: &Path) -> bool {
    let name = path.as_os_str().to_string_lossy();
    ["-wal", "-shm", "-journal"].iter().any(|suffix| {
        name.strip_suffix(suffix)
            .is_some_and(|base| is_database(Path::new(base)))
    })
}

/// Whether the file at `path` is an SQLite database (its first 16 bytes).
fn is_database(path: &Path) -> bool {
    let mut head = [0u8; 16];
    fs::File::open(path)
        .and_then(|mut f| io::Read::read_exact(&mut f, &mut head))
        .is_ok()
        && &head == b"SQLite format 3\0"
}
