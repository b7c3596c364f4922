//! Accounts and roles (issue 7): the first administrator, sign-in (failed ones recorded),
//! the idle lock, and every role's permissions checked by the core itself.

mod common;

use std::time::Duration;

use common::*;
use tiepdan::access::{Permission, Role};
use tiepdan::desk::account::AccountInput;
use tiepdan::domain::*;
use tiepdan::period::Period;
use tiepdan::Store;

/// A register with an administrator ("quantri") signed in, and one account per role.
fn ward() -> Store {
    let mut s = store_on("2026-06-30");
    s.create_first_admin(&account("quantri", &[Role::Admin]))
        .unwrap();
    for (login, role) in [
        ("canbo", Role::Officer),
        ("lanhdao", Role::Leader),
        ("xem", Role::Viewer),
    ] {
        s.save_account(&account(login, &[role])).unwrap();
    }
    s
}

fn code(e: tiepdan::Error) -> &'static str {
    e.code()
}

fn new_session() -> NewSession {
    NewSession {
        date: "2026-06-02".into(),
        kind: SessionKind::Regular,
        host_group: HostGroup::Officer,
        host_name: None,
        place: None,
        notes: None,
    }
}

#[test]
fn a_register_without_accounts_is_open_and_the_first_account_must_be_an_administrator() {
    let mut s = store_on("2026-06-30");
    assert!(!s.access_info().unwrap().has_accounts);
    s.create_session(&new_session()).unwrap();
    let e = s
        .create_first_admin(&account("canbo", &[Role::Officer]))
        .unwrap_err();
    assert_eq!(e.field(), Some("roles"));
    assert_eq!(
        e.to_string(),
        "Tài khoản đầu tiên phải có vai trò Quản trị."
    );
    let admin = s
        .create_first_admin(&account("quantri", &[Role::Admin, Role::Officer]))
        .unwrap();
    assert_eq!(admin.login, "quantri");
    assert_eq!(s.user().unwrap().login, "quantri");
    // A second "first" administrator is refused.
    assert!(s
        .create_first_admin(&account("khac", &[Role::Admin]))
        .is_err());
    // Signed out, nothing is allowed.
    s.sign_out().unwrap();
    let e = s.create_session(&new_session()).unwrap_err();
    assert_eq!(code(e), "sign_in_required");
    let e = tiepdan::report::period_report(&s, Period::parse("2026-06-01", "2026-06-30").unwrap())
        .unwrap_err();
    assert_eq!(code(e), "sign_in_required");
}

#[test]
fn each_role_may_do_what_issue_7_says_and_nothing_else() {
    let mut s = ward();
    let june = Period::parse("2026-06-01", "2026-06-30").unwrap();

    as_user(&mut s, "canbo");
    let sid = s.create_session(&new_session()).unwrap().id;
    let pid = direct_petition(&mut s, "2026-06-03", PetitionKind::Complaint);
    assert_eq!(s.petitions(&PetitionFilter::default()).unwrap().len(), 1);
    for e in [
        s.lock_period(june, "Tháng 6", None)
            .map(|_| ())
            .unwrap_err(),
        s.export_exchange().map(|_| ()).unwrap_err(),
        s.reveal_person("x", "xác minh tố cáo")
            .map(|_| ())
            .unwrap_err(),
        s.save_settings(&s.settings().unwrap())
            .map(|_| ())
            .unwrap_err(),
        s.accounts().map(|_| ()).unwrap_err(),
        s.verify_audit().map(|_| ()).unwrap_err(),
    ] {
        assert_eq!(e.code(), "forbidden", "{e}");
    }
    let e = s.export_exchange().unwrap_err();
    assert_eq!(
        e.to_string(),
        "Tài khoản “canbo” (Cán bộ tiếp dân) không có quyền xuất tệp."
    );

    as_user(&mut s, "lanhdao");
    assert_eq!(s.petition(&pid).unwrap().id, pid);
    s.export_exchange().unwrap();
    assert_eq!(
        s.create_session(&new_session()).unwrap_err().code(),
        "forbidden"
    );
    assert_eq!(s.delete_session(&sid).unwrap_err().code(), "forbidden");
    assert_eq!(s.accounts().unwrap_err().code(), "forbidden");

    as_user(&mut s, "quantri");
    assert_eq!(s.accounts().unwrap().len(), 4);
    s.save_settings(&s.settings().unwrap()).unwrap();
    assert!(s.verify_audit().unwrap().broken_at.is_none());
    assert_eq!(
        s.petitions(&PetitionFilter::default()).unwrap_err().code(),
        "forbidden"
    );
    assert_eq!(
        s.create_session(&new_session()).unwrap_err().code(),
        "forbidden"
    );

    as_user(&mut s, "xem");
    let r = tiepdan::report::period_report(&s, june).unwrap();
    assert_eq!(r.petitions_received.total, 1);
    let d = tiepdan::report::dashboard(&s).unwrap();
    assert_eq!(d.open_petitions, 1);
    assert!(d.queue.is_empty(), "a viewer sees counts, not petitions");
    assert_eq!(d.waiting, 1);
    for e in [
        s.petitions(&PetitionFilter::default())
            .map(|_| ())
            .unwrap_err(),
        s.search("Bình", 10).map(|_| ()).unwrap_err(),
        tiepdan::forms::register::register_book(&s, june)
            .map(|_| ())
            .unwrap_err(),
        s.create_session(&new_session()).map(|_| ()).unwrap_err(),
    ] {
        assert_eq!(e.code(), "forbidden", "{e}");
    }
}

#[test]
fn a_wrong_password_is_refused_alike_and_recorded_in_the_chained_history() {
    let mut s = ward();
    s.sign_out().unwrap();
    let wrong = s.sign_in("canbo", "sai-mat-khau").unwrap_err();
    let unknown = s.sign_in("khongco", "sai-mat-khau").unwrap_err();
    assert_eq!(wrong.to_string(), unknown.to_string());
    assert_eq!(wrong.field(), Some("password"));
    assert!(s.user().is_none());
    s.sign_in("quantri", "matkhau-quantri").unwrap();
    let file = s.export_exchange_with(false);
    assert_eq!(
        file.unwrap_err().code(),
        "forbidden",
        "an administrator does not export"
    );
    as_user(&mut s, "lanhdao");
    let changes = s.export_exchange().unwrap().changes;
    let failed: Vec<_> = changes
        .iter()
        .filter(|c| c.action == ChangeAction::SignInFailed)
        .map(|c| c.record_id.as_str())
        .collect();
    assert_eq!(failed, ["canbo", "khongco"]);
    let signins = changes
        .iter()
        .filter(|c| c.action == ChangeAction::SignIn)
        .count();
    assert!(signins >= 3, "{signins}");
    // Each change names the account that made it.
    let created: Vec<_> = changes
        .iter()
        .filter(|c| c.action == ChangeAction::Account)
        .map(|c| c.user.as_deref())
        .collect();
    assert_eq!(
        created,
        [None, Some("quantri"), Some("quantri"), Some("quantri")]
    );
    as_user(&mut s, "quantri");
    assert!(s.verify_audit().unwrap().broken_at.is_none());
}

/// The window's long reads go through a second handle (`Store::reader`): asking for it is
/// a use of the shared handle (reading reports keeps the window unlocked), and after the
/// idle time it locks the window like any command.
#[test]
fn asking_for_a_second_handle_is_a_use_and_is_refused_after_the_idle_time() {
    let mut s = ward();
    as_user(&mut s, "canbo");
    s.pretend_idle(Duration::from_secs(14 * 60));
    s.reader().unwrap();
    s.pretend_idle(Duration::from_secs(14 * 60));
    s.create_session(&new_session()).unwrap();
    s.pretend_idle(Duration::from_secs(16 * 60));
    let e = s.reader().unwrap_err();
    assert_eq!(
        e.to_string(),
        "Phần mềm đã tự khóa sau 15 phút không dùng: hãy đăng nhập lại."
    );
    assert!(s.user().is_none());
}

#[test]
fn the_app_locks_after_the_idle_time_and_a_locked_account_is_signed_out() {
    let mut s = ward();
    as_user(&mut s, "canbo");
    s.create_session(&new_session()).unwrap();
    s.pretend_idle(Duration::from_secs(16 * 60));
    let e = s.create_session(&new_session()).unwrap_err();
    assert_eq!(e.code(), "sign_in_required");
    assert_eq!(
        e.to_string(),
        "Phần mềm đã tự khóa sau 15 phút không dùng: hãy đăng nhập lại."
    );
    assert!(s.user().is_none());

    // The administrator sets the idle time; 0 never locks.
    as_user(&mut s, "quantri");
    assert_eq!(s.set_idle_lock(0).unwrap(), 0);
    assert_eq!(
        s.set_idle_lock(481).unwrap_err().field(),
        Some("idle_lock_minutes")
    );
    // The log says what it was and what it became: turning the lock off is seen.
    let notes: Vec<_> = audit_of(&s, ChangeAction::Settings)
        .into_iter()
        .filter_map(|e| e.note)
        .collect();
    assert_eq!(
        notes.first().map(String::as_str),
        Some("Thời gian tự khóa khi không dùng: 15 phút → không tự khóa")
    );
    as_user(&mut s, "canbo");
    s.pretend_idle(Duration::from_secs(10 * 3600));
    s.create_session(&new_session()).unwrap();

    // An account locked by the administrator is refused at its next command.
    let canbo = {
        as_user(&mut s, "quantri");
        let a = s
            .accounts()
            .unwrap()
            .into_iter()
            .find(|a| a.login == "canbo")
            .unwrap();
        a.id
    };
    s.save_account(&AccountInput {
        id: Some(canbo.clone()),
        active: false,
        password: None,
        ..account("canbo", &[Role::Officer, Role::Leader])
    })
    .unwrap();
    // The audit log files it under "Tài khoản" and says what changed.
    let log = audit_of(&s, ChangeAction::Account);
    assert_eq!(
        log[0].note.as_deref(),
        Some("khóa tài khoản; vai trò: Cán bộ tiếp dân → Cán bộ tiếp dân, Lãnh đạo")
    );
    s.sign_out().unwrap();
    let e = s.sign_in("canbo", "matkhau-canbo").unwrap_err();
    assert_eq!(e.field(), Some("password"));
}

#[test]
fn the_last_administrator_keeps_the_role_and_logins_are_unique() {
    let mut s = ward();
    let admin = s
        .accounts()
        .unwrap()
        .into_iter()
        .find(|a| a.login == "quantri")
        .unwrap();
    let e = s
        .save_account(&AccountInput {
            id: Some(admin.id.clone()),
            password: None,
            ..account("quantri", &[Role::Officer])
        })
        .unwrap_err();
    assert_eq!(e.field(), Some("roles"));
    let e = s
        .save_account(&account("CanBo", &[Role::Viewer]))
        .unwrap_err();
    assert_eq!(e.field(), Some("login"));
    assert_eq!(
        e.to_string(),
        "Tên đăng nhập “CanBo” đã có tài khoản khác dùng."
    );
    let e = s
        .save_account(&AccountInput {
            password: Some("ngan".into()),
            ..account("moi", &[Role::Viewer])
        })
        .unwrap_err();
    assert_eq!(e.to_string(), "Mật khẩu cần ít nhất 8 ký tự (mới có 4).");
    let e = s
        .save_account(&account("có dấu cách", &[Role::Viewer]))
        .unwrap_err();
    assert_eq!(e.field(), Some("login"));
    let e = s.save_account(&account("moi", &[])).unwrap_err();
    assert_eq!(e.field(), Some("roles"));
    // A second administrator: then the first may step down.
    s.save_account(&account("quantri2", &[Role::Admin]))
        .unwrap();
    s.save_account(&AccountInput {
        id: Some(admin.id),
        password: None,
        ..account("quantri", &[Role::Officer])
    })
    .unwrap();
    // Its own password: the old one is asked.
    as_user(&mut s, "quantri2");
    assert_eq!(
        s.change_password("sai", "matkhau-moi-123")
            .unwrap_err()
            .field(),
        Some("old_password")
    );
    // Not the same one again, nor one anyone would try first.
    let e = s
        .change_password("matkhau-quantri2", "matkhau-quantri2")
        .unwrap_err();
    assert_eq!(e.field(), Some("new_password"));
    assert!(e.to_string().contains("trùng mật khẩu hiện tại"), "{e}");
    for weak in [
        "12345678",
        "87654321",
        "abcdefgh",
        "aaaaaaaa",
        "Password",
        "matkhau2026",
        "qwertyui",
    ] {
        let e = s.change_password("matkhau-quantri2", weak).unwrap_err();
        assert_eq!(e.field(), Some("new_password"), "{weak}");
        assert!(e.to_string().contains("dễ đoán"), "{weak}: {e}");
    }
    s.change_password("matkhau-quantri2", "matkhau-moi-123")
        .unwrap();
    s.sign_out().unwrap();
    s.sign_in("quantri2", "matkhau-moi-123").unwrap();
    assert!(s
        .access_info()
        .unwrap()
        .permissions
        .contains(&Permission::ManageUsers));
}

#[test]
fn accounts_and_their_history_survive_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    {
        let mut s = Store::open(&path).unwrap();
        s.create_first_admin(&account("quantri", &[Role::Admin, Role::Officer]))
            .unwrap();
        s.create_session(&new_session()).unwrap();
    }
    let mut s = Store::open(&path).unwrap();
    assert_eq!(
        s.create_session(&new_session()).unwrap_err().code(),
        "sign_in_required"
    );
    s.sign_in("QuanTri", "matkhau-quantri").unwrap();
    s.create_session(&new_session()).unwrap();
    assert!(s.verify_audit().unwrap().broken_at.is_none());
    // The account in a change is part of its hash: changing it behind the app's back is
    // found.
    drop(s);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("DROP TRIGGER changes_no_update")
        .unwrap();
    conn.execute(
        "UPDATE changes SET user_login = 'nguoikhac' WHERE user_login = 'quantri' AND action = 'create'",
        [],
    )
    .unwrap();
    drop(conn);
    let mut s = Store::open(&path).unwrap();
    s.sign_in("quantri", "matkhau-quantri").unwrap();
    assert!(s.verify_audit().unwrap().broken_at.is_some());
}

/// What the audit check finds in a register edited with sqlite3.
fn tampered(edit: &str) -> tiepdan::store::AuditCheck {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    {
        let mut s = Store::open(&path).unwrap();
        s.create_first_admin(&account("quantri", &[Role::Admin, Role::Officer]))
            .unwrap();
        s.save_account(&account("xem", &[Role::Viewer])).unwrap();
        s.create_session(&new_session()).unwrap();
        assert!(s.verify_audit().unwrap().broken_at.is_none());
    }
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(edit).unwrap();
    drop(conn);
    let mut s = Store::open(&path).unwrap();
    s.sign_in("quantri", "matkhau-quantri").unwrap();
    s.verify_audit().unwrap()
}

#[test]
fn accounts_given_roles_or_added_behind_the_apps_back_are_found() {
    let check = tampered("UPDATE users SET roles = 'leader,viewer' WHERE login = 'xem'");
    assert_eq!(check.broken_at, Some(0));
    assert_eq!(
        check.message,
        "Tài khoản “xem” không khớp với lịch sử của nó: tài khoản, vai trò hoặc mật khẩu đã bị thêm hay sửa ngoài phần mềm."
    );
    let check = tampered(
        "INSERT INTO users SELECT 'ke-gian', 'kegian', 'Kẻ gian', 'admin,leader', password_hash, 1, created_at
           FROM users WHERE login = 'quantri'",
    );
    assert!(check.message.contains("“kegian”"), "{}", check.message);
    let check = tampered(
        "UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE login = 'quantri')
          WHERE login = 'xem'",
    );
    assert!(check.message.contains("“xem”"), "{}", check.message);
}

#[test]
fn rows_deleted_from_the_end_are_found_even_after_later_rows_chain_on() {
    // The last row deleted (the triggers dropped and made again); the sign-in of the
    // check itself then chains onto the row before the gap.
    let check = tampered(
        "DROP TRIGGER changes_no_delete;
         DELETE FROM changes WHERE seq = (SELECT max(seq) FROM changes);
         UPDATE audit_head SET seq = (SELECT max(seq) FROM changes),
                               hash = (SELECT hash FROM changes ORDER BY seq DESC LIMIT 1);
         CREATE TRIGGER changes_no_delete BEFORE DELETE ON changes
         BEGIN SELECT RAISE(ABORT, 'x'); END;",
    );
    assert!(check.broken_at.is_some(), "{}", check.message);
    assert!(
        check.message.contains("thiếu bản ghi số"),
        "{}",
        check.message
    );
}

#[test]
fn a_password_is_the_same_however_its_letters_were_typed_and_never_only_spaces() {
    let mut s = ward();
    let composed = "mật-khẩu-ắ"; // NFC
    let decomposed: String = {
        use unicode_normalization::UnicodeNormalization;
        composed.nfd().collect()
    };
    assert_ne!(composed, decomposed);
    s.save_account(&AccountInput {
        password: Some(decomposed),
        ..account("dau", &[Role::Viewer])
    })
    .unwrap();
    s.sign_out().unwrap();
    s.sign_in("dau", composed).unwrap();
    as_user(&mut s, "quantri");
    let e = s
        .save_account(&AccountInput {
            password: Some("        ".into()),
            ..account("trang", &[Role::Viewer])
        })
        .unwrap_err();
    assert_eq!(e.field(), Some("password"));
}

#[test]
fn a_restore_from_before_accounts_is_refused_unless_asked_and_every_restore_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    let old = dir.path().join("cu.sqlite3");
    {
        let mut before = Store::open(&old).unwrap();
        before.create_session(&new_session()).unwrap();
    }
    let mut s = Store::open(&path).unwrap();
    s.create_first_admin(&account("quantri", &[Role::Admin]))
        .unwrap();
    let e = s.check_restore(&old, false).unwrap_err();
    assert_eq!(e.field(), Some("backup"));
    assert!(e.to_string().contains("chưa có tài khoản nào"), "{e}");
    s.check_restore(&old, true).unwrap();
    let made = s.backup_now(None).unwrap();
    assert!(s
        .check_restore(std::path::Path::new(&made.backup.path), false)
        .is_ok());
    let log = audit_of(&s, ChangeAction::Backup);
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].user.as_deref(), Some("quantri"));
    assert!(log[0].note.as_deref().unwrap().starts_with("sao lưu vào "));
}

#[test]
fn the_first_account_saved_any_way_is_an_administrator() {
    let mut s = store_on("2026-06-30");
    let e = s
        .save_account(&account("canbo", &[Role::Officer]))
        .unwrap_err();
    assert_eq!(e.field(), Some("roles"));
    assert!(!s.access_info().unwrap().has_accounts);
    let a = s
        .save_account(&account("quantri", &[Role::Admin, Role::Officer]))
        .unwrap();
    assert_eq!(a.login, "quantri");
    assert_eq!(s.user().unwrap().login, "quantri");
    let e = s
        .backup_now(Some(std::path::Path::new("tuong-doi")))
        .unwrap_err();
    assert_eq!(e.field(), Some("folder"));
}

#[test]
fn a_restore_never_erases_the_audit_records_made_after_the_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    let mut s = Store::open(&path).unwrap();
    s.create_first_admin(&account(
        "quantri",
        &[Role::Admin, Role::Officer, Role::Leader],
    ))
    .unwrap();
    let made = s.backup_now(None).unwrap();
    // After the backup: a record and an export.
    s.create_session(&new_session()).unwrap();
    s.record_export("Tệp trao đổi", true).unwrap();
    let by = s.user();
    drop(s);
    let backup = std::path::PathBuf::from(&made.backup.path);
    tiepdan::backup::restore_by(&path, &backup, by, Actor::Desk, false).unwrap();
    let mut s = Store::open(&path).unwrap();
    s.sign_in("quantri", "matkhau-quantri").unwrap();
    let log = s
        .audit_log(&tiepdan::desk::admin::AuditFilter::default())
        .unwrap();
    let export = log
        .iter()
        .find(|e| e.action == ChangeAction::Export)
        .expect("the export made after the backup is still in the log");
    assert!(export
        .source
        .as_deref()
        .unwrap()
        .starts_with("sổ trước khi khôi phục"));
    let restore = log
        .iter()
        .find(|e| {
            e.note
                .as_deref()
                .is_some_and(|n| n.starts_with("khôi phục từ"))
        })
        .unwrap();
    let note = restore.note.as_deref().unwrap();
    // Who restored: the entry's account (the restored register has it) and its note.
    assert_eq!(restore.user.as_deref(), Some("quantri"));
    assert!(note.contains("tài khoản khôi phục: quantri"), "{note}");
    assert!(note.contains("được chép sang"), "{note}");
    assert!(
        note.contains("1 thay đổi sổ sau bản sao lưu không còn"),
        "{note}"
    );
    assert!(s.verify_audit().unwrap().broken_at.is_none());
}

#[test]
fn the_window_idle_lock_is_logged_as_such() {
    let mut s = store_on("2026-06-30");
    s.create_first_admin(&account("quantri", &[Role::Admin]))
        .unwrap();
    s.save_account(&account("canbo", &[Role::Officer])).unwrap();
    as_user(&mut s, "canbo");
    // The window locks when the idle time is up (the core would at the next command).
    s.pretend_idle(std::time::Duration::from_secs(15 * 60 + 1));
    s.lock_idle().unwrap();
    assert!(s.user().is_none());
    as_user(&mut s, "quantri");
    let log = audit_of(&s, ChangeAction::SignOut);
    let locked = log
        .iter()
        .find(|e| e.user.as_deref() == Some("canbo") && e.note.is_some())
        .expect("the lock is in the log, in the officer's name");
    assert_eq!(
        locked.note.as_deref(),
        Some("tự khóa sau 15 phút không dùng")
    );
    // A plain sign-out says nothing more.
    assert!(log
        .iter()
        .any(|e| e.user.as_deref() == Some("quantri") && e.note.is_none()));
}

#[test]
fn a_backup_typed_by_path_must_be_a_whole_path_to_a_file_other_than_the_register() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.sqlite3");
    let mut s = Store::open(&path).unwrap();
    s.create_first_admin(&account("quantri", &[Role::Admin]))
        .unwrap();
    let usb = dir.path().join("usb");
    // A chosen folder that is not there is refused, not made (a mistyped or unplugged
    // drive's path would put the copy on the PC's own disk).
    let e = s.backup_now(Some(&usb)).unwrap_err();
    assert_eq!(e.field(), Some("folder"));
    assert!(e.to_string().contains("ổ USB đã cắm chưa?"), "{e}");
    assert!(!usb.exists());
    std::fs::create_dir(&usb).unwrap();
    let made = s.backup_now(Some(&usb)).unwrap();
    let refused = |p: &std::path::Path, says: &str| {
        let e = s.check_restore(p, false).unwrap_err();
        assert_eq!(e.field(), Some("backup"), "{e}");
        assert!(e.to_string().contains(says), "{e}");
    };
    refused(std::path::Path::new("sao-luu.sqlite3"), "đường dẫn đầy đủ");
    refused(&usb, "là một thư mục");
    refused(&usb.join("khong-co.sqlite3"), "Không có tệp");
    // There, but no plain file: named as what it is, never as missing (a pipe is never
    // opened: reading it would wait for ever).
    #[cfg(unix)]
    {
        let fifo = usb.join("ong.sqlite3");
        assert!(std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
        refused(
            &fifo,
            "không phải một tệp sao lưu (là tệp đặc biệt hoặc liên kết hỏng)",
        );
        let dangling = usb.join("lien-ket.sqlite3");
        std::os::unix::fs::symlink(usb.join("da-xoa.sqlite3"), &dangling).unwrap();
        refused(&dangling, "liên kết hỏng");
        // The register under a second name (a hard link) is the register.
        let linked = usb.join("so-ban-sao.sqlite3");
        std::fs::hard_link(&path, &linked).unwrap();
        refused(&linked, "chính tệp sổ đang mở");
    }
    refused(&path, "chính tệp sổ đang mở");
    let checked = s
        .check_restore(std::path::Path::new(&made.backup.path), false)
        .unwrap();
    assert_eq!(checked.accounts, 1);
}

/// The petition page says who recorded each move and each correction: the account of the
/// same save (as the visit's and the citizen's histories do).
#[test]
fn the_petition_page_names_the_account_of_each_move_and_correction() {
    let mut s = ward();
    s.save_account(&account("canbo2", &[Role::Officer]))
        .unwrap();
    as_user(&mut s, "canbo");
    let id = direct_petition(&mut s, "2026-06-02", PetitionKind::Proposal);
    as_user(&mut s, "canbo2");
    move_petition(&mut s, &id, MoveAction::Classify, "2026-06-03", |m| {
        m.classification = Some(classification(
            PetitionKind::Proposal,
            true,
            Competence::Within,
        ))
    })
    .unwrap();
    let mut fix = direct_input("2026-06-02", PetitionKind::Proposal);
    fix.respondent = Some("UBND phường".into());
    as_user(&mut s, "canbo");
    s.correct_petition(&id, &fix).unwrap();
    let d = s.petition_detail(&id).unwrap();
    let who: Vec<Option<&str>> = d.moves.iter().map(|m| m.user.as_deref()).collect();
    assert_eq!(who, [Some("canbo"), Some("canbo2")]);
    let corrected = d
        .history
        .iter()
        .find(|c| c.action == ChangeAction::Update)
        .unwrap();
    assert_eq!(corrected.user.as_deref(), Some("canbo"));
}
