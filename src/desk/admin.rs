//! The administrator's work: the audit log (who did what, sign-ins, reveals, exports) with
//! its chain check, and backups made and listed from the app.

use std::path::{Path, PathBuf};

use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::access::Permission;
use crate::backup::{self, Backup, BackupCheck};
use crate::domain::{Actor, ChangeAction};
use crate::error::{Error, Result};
use crate::store::{self, Store};

/// Which audit records to list: the newest first, before `before` (a row number) when
/// paging, of one action when asked.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditFilter {
    #[serde(default)]
    pub action: Option<ChangeAction>,
    #[serde(default)]
    pub before: Option<u32>,
    #[serde(default)]
    pub limit: Option<u32>,
}

/// One record of the audit log as the administrator reads it (never the values).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditEntry {
    pub seq: u32,
    /// UTC RFC 3339 instant.
    pub at: String,
    pub actor: Actor,
    /// The account that acted (none before accounts, or for an import's history).
    pub user: Option<String>,
    pub action: ChangeAction,
    pub table: String,
    pub record_id: String,
    /// The record in words, as an administrator reads it ("Đơn số 12/2026", a person's
    /// name — masked for a denunciator —, "Buổi tiếp ngày 05/03/2026", an account's login,
    /// a setting's name); none when the record is gone or has no name.
    pub subject: Option<String>,
    pub note: Option<String>,
    /// For a change brought by an exchange file: the file.
    pub source: Option<String>,
}

/// A backup as the settings screen lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BackupInfo {
    pub path: String,
    /// Local time, "dd/mm/yyyy HH:MM:SS".
    pub made_at: String,
    pub bytes: u64,
}

/// A backup just made and checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BackupMade {
    pub backup: BackupInfo,
    pub sessions: i64,
    pub visits: i64,
    pub petitions: i64,
}

/// What a register holds, as a restore's question puts the backup beside the register it
/// would replace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RegisterHoldings {
    pub sessions: i64,
    pub visits: i64,
    pub petitions: i64,
    /// The day of the latest session ("yyyy-mm-dd"), none without sessions.
    pub last_session: Option<String>,
}

/// A backup checked for its restore: what it holds, and what the register it would replace
/// holds now (what goes is in the file kept aside).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RestorePreview {
    pub backup: RegisterHoldings,
    pub current: RegisterHoldings,
    /// The backup's history edited or cut outside the app, in words (the restore's
    /// question warns of it); none when whole.
    pub history_broken: Option<String>,
}

impl RegisterHoldings {
    /// "3 buổi tiếp, 5 lượt tiếp, 3 đơn (buổi tiếp gần nhất ngày 30/11/2026)".
    pub fn text(&self) -> String {
        let counts = format!(
            "{} buổi tiếp, {} lượt tiếp, {} đơn",
            self.sessions, self.visits, self.petitions
        );
        match &self.last_session {
            Some(day) => format!(
                "{counts} (buổi tiếp gần nhất ngày {})",
                crate::text::vn_date(day)
            ),
            None => counts,
        }
    }
}

impl From<&BackupCheck> for RegisterHoldings {
    fn from(c: &BackupCheck) -> Self {
        RegisterHoldings {
            sessions: c.sessions,
            visits: c.visits,
            petitions: c.petitions,
            last_session: c.last_session.clone(),
        }
    }
}

impl From<&Backup> for BackupInfo {
    fn from(b: &Backup) -> Self {
        BackupInfo {
            path: b.path.display().to_string(),
            made_at: b.made_at.format("%d/%m/%Y %H:%M:%S").to_string(),
            bytes: b.bytes,
        }
    }
}

impl Store {
    /// The audit log, newest first (at most 500 a page).
    pub fn audit_log(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>> {
        self.require(Permission::ViewAudit)?;
        let limit = filter.limit.unwrap_or(200).clamp(1, 500);
        let mut stmt = self.conn().prepare_cached(
            "SELECT seq, at, actor, user_login, action, table_name, record_id, note, source
               FROM changes
              WHERE (?1 IS NULL OR action = ?1) AND (?2 IS NULL OR seq < ?2)
              ORDER BY seq DESC LIMIT ?3",
        )?;
        let rows: Vec<AuditEntry> = stmt
            .query_map(params![filter.action, filter.before, limit], |r| {
                Ok(AuditEntry {
                    seq: r.get(0)?,
                    at: r.get(1)?,
                    actor: r.get(2)?,
                    user: r.get(3)?,
                    action: r.get(4)?,
                    table: r.get(5)?,
                    record_id: r.get(6)?,
                    subject: None,
                    note: r.get(7)?,
                    source: r.get(8)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        // Records are named only for an account that may read them (an administrator
        // alone sees accounts and settings named, records by their id).
        let may_read = self.require(Permission::ViewRecords).is_ok();
        rows.into_iter()
            .map(|mut e| {
                e.note = crate::desk::privacy::shown_note(
                    self.conn(),
                    &e.table,
                    &e.record_id,
                    e.action,
                    e.note.take(),
                )?;
                e.subject = subject(self.conn(), &e.table, &e.record_id, may_read)?;
                Ok(e)
            })
            .collect()
    }

    /// The folder automatic backups go to ("sao-luu" beside the register).
    pub fn backup_folder(&self) -> Result<PathBuf> {
        let register = self.path().ok_or_else(|| {
            Error::invalid(
                "db",
                "Sổ đang mở không nằm trong một tệp: không sao lưu được.",
            )
        })?;
        Ok(backup::default_folder(&register))
    }

    /// The backups beside the register, newest first.
    pub fn backups(&self) -> Result<Vec<BackupInfo>> {
        self.require(Permission::Backup)?;
        Ok(backup::list(&self.backup_folder()?)?
            .iter()
            .map(BackupInfo::from)
            .collect())
    }

    /// A backup now, into `folder` (a USB drive) or beside the register (then the
    /// rotation runs), checked after it is written and recorded in the audit log.
    pub fn backup_now(&mut self, folder: Option<&Path>) -> Result<BackupMade> {
        self.require(Permission::Backup)?;
        if folder.is_some_and(|f| !f.is_absolute()) {
            return Err(Error::invalid(
                "folder",
                "Thư mục: ghi đường dẫn đầy đủ, ví dụ E:\\SaoLuu hoặc /media/usb/sao-luu.",
            ));
        }
        let default = self.backup_folder()?;
        let folder = folder.map(Path::to_path_buf).unwrap_or(default.clone());
        // A chosen folder must be there: made silently, a mistyped or unplugged drive's
        // path ("/media/usb" with nothing mounted) put the "USB" copy on the PC's own disk.
        if folder != default && !folder.is_dir() {
            return Err(Error::invalid(
                "folder",
                if folder.exists() {
                    format!(
                        "{} là một tệp, không phải thư mục: chọn một thư mục.",
                        folder.display()
                    )
                } else {
                    format!(
                        "Thư mục {} không có (ổ USB đã cắm chưa?): chọn một thư mục có sẵn, hoặc tạo thư mục ấy trước rồi sao lưu.",
                        folder.display()
                    )
                },
            ));
        }
        let made = self.backup_into(&folder)?;
        let checked: BackupCheck = backup::check_backup_with(&made.path, false)?;
        if folder == default {
            backup::rotate(&folder)?;
        }
        let note = format!("sao lưu vào {}", made.path.display());
        if !self.is_read_only() {
            self.write(Permission::Backup, |tx| {
                tx.change(
                    ChangeAction::Backup,
                    "backups",
                    &store::new_id(),
                    None,
                    None,
                    Some(note),
                )
            })?;
        }
        Ok(BackupMade {
            backup: BackupInfo::from(&made),
            sessions: checked.sessions,
            visits: checked.visits,
            petitions: checked.petitions,
        })
    }

    /// After the register was replaced (a restore), the account that was signed in stays
    /// signed in if the restored register has it, active, under the same login.
    pub fn adopt_user(&mut self, user: Option<crate::access::SignedIn>) {
        let kept = user.filter(|u| {
            store::user_by_id(self.conn(), &u.id)
                .ok()
                .flatten()
                .is_some_and(|row| row.active && row.login == u.login)
        });
        self.set_user(kept);
    }

    /// Before a restore (the administrator): the backup is checked, and one without any
    /// account is refused for a register that has accounts unless `without_accounts` (the
    /// register would be open to anyone until a new administrator is made).
    pub fn check_restore(&self, backup: &Path, without_accounts: bool) -> Result<BackupCheck> {
        self.require(Permission::Backup)?;
        refuse_unusable_path(backup, self.path().as_deref())?;
        let checked = backup::check_backup(backup)?;
        if checked.accounts == 0 && store::has_accounts(self.conn())? && !without_accounts {
            // No account because they were deleted behind the app's back: said as that.
            if let Some(why) = &checked.history_broken {
                return Err(Error::invalid(
                    "backup",
                    format!(
                        "Bản sao lưu {} không còn tài khoản nào: {why} Không khôi phục.",
                        backup.display()
                    ),
                ));
            }
            return Err(Error::invalid(
                "backup",
                format!(
                    "Bản sao lưu {} chưa có tài khoản nào (từ trước khi có tài khoản): khôi phục nó thì ai mở phần mềm cũng dùng được sổ cho đến khi tạo lại quản trị. Không khôi phục; nếu thật cần, dùng dòng lệnh: tiepdan restore … --without-accounts.",
                    backup.display()
                ),
            ));
        }
        Ok(checked)
    }

    /// [`Store::check_restore`], with what the backup holds beside what this register
    /// holds: the restore's question says both.
    pub fn restore_preview(&self, backup: &Path, without_accounts: bool) -> Result<RestorePreview> {
        let checked = self.check_restore(backup, without_accounts)?;
        let (sessions, visits, petitions, last_session) = backup::holdings(self.conn())?;
        Ok(RestorePreview {
            backup: RegisterHoldings::from(&checked),
            history_broken: checked.history_broken.clone(),
            current: RegisterHoldings {
                sessions,
                visits,
                petitions,
                last_session,
            },
        })
    }

    /// Record a restore in the (restored) register's audit log (the restore does, in the
    /// copy it puts in place: `backup::restore_by`). The audit records the
    /// replaced register had after the backup (sign-ins, reveals, exports, backups) are
    /// carried over, so a restore never erases them; the changes of records that the
    /// restore undid are counted in the note (they stay in the file kept aside).
    /// `by` is the login of who restored (signed in on the register replaced): the entry
    /// carries it as its account when the restored register has that account, and names
    /// it in its note either way. `broken`: the backup's history was not whole and the
    /// restore was confirmed all the same (said in the note, with why).
    pub(crate) fn record_restore(
        &mut self,
        from: &Path,
        former: Option<Former<'_>>,
        by: Option<crate::access::SignedIn>,
        broken: Option<String>,
    ) -> Result<()> {
        let by_login = by.as_ref().map(|u| u.login.clone());
        self.adopt_user(by);
        let mut carried: Vec<crate::records::ChangeRecord> = vec![];
        let mut undone = 0usize;
        let mut unreadable = false;
        let aside = former.as_ref().map(|f| f.kept_as);
        let mut former_broken = None;
        if let Some(former) = former {
            match former.changes {
                Ok(_) if former.broken.is_some() => former_broken = former.broken,
                Ok(rows) => {
                    for c in rows {
                        if store::change_exists(self.conn(), &c.id)? {
                            continue;
                        }
                        if matches!(
                            c.action,
                            ChangeAction::SignIn
                                | ChangeAction::SignInFailed
                                | ChangeAction::SignOut
                                | ChangeAction::Reveal
                                | ChangeAction::Export
                                | ChangeAction::Backup
                        ) {
                            carried.push(c);
                        } else {
                            undone += 1;
                        }
                    }
                }
                Err(_) => unreadable = true,
            }
        }
        let mut note = format!("khôi phục từ {}", from.display());
        if let Some(login) = &by_login {
            note.push_str(&format!("; tài khoản khôi phục: {login}"));
        }
        if let Some(a) = aside {
            note.push_str(&format!("; tệp sổ trước đó giữ tại {}", a.display()));
        }
        if !carried.is_empty() {
            note.push_str(&format!(
                "; {} bản ghi nhật ký của sổ trước đó (đăng nhập, xem danh tính, xuất tệp, sao lưu) được chép sang",
                carried.len()
            ));
        }
        if undone > 0 {
            note.push_str(&format!(
                "; {undone} thay đổi sổ sau bản sao lưu không còn trong sổ (vẫn có trong tệp giữ lại)"
            ));
        }
        if unreadable {
            note.push_str("; không đọc được nhật ký của tệp sổ trước đó");
        }
        if let Some(why) = former_broken {
            note.push_str(&format!(
                "; nhật ký của tệp sổ trước đó không còn nguyên vẹn, không chép sang ({why})"
            ));
        }
        if let Some(why) = broken {
            note.push_str(&format!(
                "; lịch sử thay đổi của bản sao lưu không còn nguyên vẹn, vẫn khôi phục theo xác nhận ({why})"
            ));
        }
        let origin = aside.map(|a| format!("sổ trước khi khôi phục ({})", a.display()));
        self.write_unchecked(|tx| {
            for c in &carried {
                store::insert_change(
                    tx.conn(),
                    &crate::records::ChangeRecord {
                        source: origin.clone(),
                        ..c.clone()
                    },
                )?;
            }
            tx.change(
                ChangeAction::Backup,
                "backups",
                &store::new_id(),
                None,
                None,
                Some(note),
            )
        })
    }
}

/// The register a restore replaces: its history as read before the restore, and the
/// name it is kept under once the restored one is in place (a second name of the same
/// file).
pub(crate) struct Former<'a> {
    pub changes: Result<Vec<crate::records::ChangeRecord>>,
    /// Its history edited outside the app, in words: nothing of it is carried over.
    pub broken: Option<String>,
    pub kept_as: &'a Path,
}

/// A record of the audit log in words (see [`AuditEntry::subject`]).
fn subject(
    conn: &rusqlite::Connection,
    table: &str,
    id: &str,
    may_read: bool,
) -> Result<Option<String>> {
    use crate::text::vn_date;
    Ok(match table {
        "users" => store::user_by_id(conn, id)?.map(|u| u.login),
        "settings" => Some(setting_label(id).to_string()),
        _ if !may_read => None,
        "petitions" => match store::get_petition(conn, id)? {
            Some(p) => Some(format!("số {}", store::number_label(conn, &p)?)),
            None => None,
        },
        "persons" => match store::get_person(conn, id)? {
            // Masked, with the end of the record's id: two denunciators' reveals are told
            // apart without naming either.
            Some(_) if crate::desk::privacy::is_confidential(conn, id)? => {
                let end: Vec<char> = id.chars().rev().take(8).collect();
                Some(format!(
                    "{} (hồ sơ …{})",
                    crate::desk::privacy::MASKED_NAME,
                    end.iter().rev().collect::<String>()
                ))
            }
            Some(p) => Some(p.full_name),
            None => None,
        },
        "sessions" => store::get_session(conn, id)?.map(|s| format!("ngày {}", vn_date(&s.date))),
        "visits" => match store::get_visit(conn, id)? {
            Some(v) => store::get_session(conn, &v.session_id)?
                .map(|s| format!("số {} ngày {}", v.seq, vn_date(&s.date))),
            None => None,
        },
        "cases" => store::get_case(conn, id)?.map(|c| crate::text::shown(&c.summary, 60)),
        _ => None,
    })
}

/// What a setting is called on the settings screen (the audit log names it so).
fn setting_label(key: &str) -> &str {
    use store::setting_keys as k;
    match key {
        k::IDLE_LOCK => "Thời gian tự khóa khi không dùng",
        "settings" => "Thông tin đơn vị, thời hạn và báo cáo",
        other => other,
    }
}

/// A backup path typed by a person (a copy on a USB drive): whole, an existing file, and
/// not the open register itself. Refused beside the field otherwise.
fn refuse_unusable_path(backup: &Path, register: Option<&Path>) -> Result<()> {
    let refuse = |text: String| Err(Error::invalid("backup", text));
    if !backup.is_absolute() {
        return refuse(format!(
            "Tệp sao lưu \"{}\": hãy nhập đường dẫn đầy đủ (ví dụ E:\\sao-luu\\tiepdan-….sqlite3).",
            backup.display()
        ));
    }
    if backup.is_dir() {
        return refuse(format!(
            "{} là một thư mục: hãy nhập đường dẫn của tệp sao lưu trong đó.",
            backup.display()
        ));
    }
    if !backup.is_file() {
        // There but not a plain file (a pipe, a device, a link to nothing): named as what
        // it is, not as missing.
        let there = std::fs::symlink_metadata(backup).is_ok();
        return refuse(if there {
            format!(
                "{} không phải một tệp sao lưu (là tệp đặc biệt hoặc liên kết hỏng): hãy nhập đường dẫn của tệp sao lưu.",
                backup.display()
            )
        } else {
            format!("Không có tệp {}.", backup.display())
        });
    }
    // The same file under another name too (a hard link): reading it as a backup would
    // open the register's own journal under that name.
    let same = |a: &Path, b: &Path| {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            if let (Ok(a), Ok(b)) = (std::fs::metadata(a), std::fs::metadata(b)) {
                if (a.dev(), a.ino()) == (b.dev(), b.ino()) {
                    return true;
                }
            }
        }
        match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
    };
    if register.is_some_and(|r| same(r, backup)) {
        return refuse(format!(
            "{} là chính tệp sổ đang mở, không phải một bản sao lưu.",
            backup.display()
        ));
    }
    Ok(())
}
