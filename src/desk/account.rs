//! Accounts: the first administrator, signing in and out (each recorded in the audit
//! history, failed attempts too), the idle lock, and the administrator's account list.
//! `Store::require` is the one check every use case makes.

use std::time::Duration;

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, SaltString};
use argon2::{Argon2, PasswordVerifier};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::access::{allows, AccessInfo, Permission, Role, SignedIn};
use crate::domain::ChangeAction;
use crate::error::{Error, Result};
use crate::store::{self, setting_keys, Store, UserRow};
use crate::text::{limits, line, tidy_required};

/// An Argon2id hash of a random password nobody knows: what an unknown login is checked
/// against (made once per process).
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| {
        let secret = SaltString::generate(&mut OsRng);
        hash_password(secret.as_str()).unwrap_or_default()
    })
}

/// The shortest password accepted.
pub const PASSWORD_MIN: usize = 8;
/// Minutes without use after which the app locks, unless the administrator sets another.
pub const IDLE_LOCK_DEFAULT: u32 = 15;

/// An account as the administrator creates or changes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct AccountInput {
    /// None to create an account.
    #[serde(default)]
    pub id: Option<String>,
    pub login: String,
    pub full_name: String,
    pub roles: Vec<Role>,
    #[serde(default = "yes")]
    pub active: bool,
    /// Required for a new account; for an existing one, a new password (reset) or none.
    #[serde(default)]
    pub password: Option<String>,
}

fn yes() -> bool {
    true
}

/// An account as the administrator's list shows it (never the password's hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Account {
    pub id: String,
    pub login: String,
    pub full_name: String,
    pub roles: Vec<Role>,
    pub active: bool,
    pub created_at: String,
}

impl From<UserRow> for Account {
    fn from(u: UserRow) -> Self {
        Account {
            id: u.id,
            login: u.login,
            full_name: u.full_name,
            roles: u.roles,
            active: u.active,
            created_at: u.created_at,
        }
    }
}

fn signed_in(u: &UserRow) -> SignedIn {
    SignedIn {
        id: u.id.clone(),
        login: u.login.clone(),
        full_name: u.full_name.clone(),
        roles: u.roles.clone(),
    }
}

fn hash_password(password: &str) -> Result<String> {
    let password = &nfc(password);
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::Internal(format!("Không tạo được mã băm mật khẩu: {e}")))
}

/// A password as hashed: NFC (a letter typed with a mark composed or not is one letter).
fn nfc(password: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    password.nfc().collect()
}

fn password_matches(password: &str, hash: &str) -> bool {
    let password = &nfc(password);
    PasswordHash::new(hash)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

fn check_password(field: &str, password: &str) -> Result<()> {
    let n = password.chars().count();
    if n < PASSWORD_MIN {
        return Err(Error::invalid(
            field,
            format!("Mật khẩu cần ít nhất {PASSWORD_MIN} ký tự (mới có {n})."),
        ));
    }
    if n > 200 {
        return Err(Error::invalid(field, "Mật khẩu dài quá 200 ký tự."));
    }
    if password.trim().is_empty() {
        return Err(Error::invalid(
            field,
            "Mật khẩu không được chỉ gồm khoảng trắng.",
        ));
    }
    if password.chars().any(char::is_control) {
        return Err(Error::invalid(
            field,
            "Mật khẩu có ký tự điều khiển: chỉ dùng chữ, số và dấu.",
        ));
    }
    if guessable(password) {
        return Err(Error::invalid(
            field,
            "Mật khẩu dễ đoán (một ký tự lặp lại, một dãy liền nhau như 12345678 hay abcdefgh, hoặc một mật khẩu phổ biến): hãy chọn mật khẩu khác, ví dụ ghép chữ và số.",
        ));
    }
    Ok(())
}

/// A password anyone would try first: one character repeated, a run of neighbouring
/// characters ("12345678", "87654321", "abcdefgh"), or one of the commonest.
fn guessable(password: &str) -> bool {
    const COMMON: &[&str] = &[
        "password",
        "matkhau",
        "mat khau",
        "qwertyui",
        "qwerty123",
        "abc12345",
        "admin123",
        "123456789a",
        "a123456789",
        "iloveyou",
        "12341234",
        "11223344",
        "quantri",
        "tiepdan",
    ];
    let lower = password.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    let repeated = chars.windows(2).all(|w| w[0] == w[1]);
    let step = |d: i32| chars.windows(2).all(|w| w[1] as i32 - w[0] as i32 == d);
    // A common word with a year or a few digits after it is as common ("matkhau2026").
    let word = lower.trim_end_matches(|ch: char| ch.is_ascii_digit());
    let common = COMMON
        .iter()
        .any(|c| lower == *c || (word == *c && lower.len() - word.len() <= 4));
    repeated || step(1) || step(-1) || common
}

/// A login as kept: Latin letters without marks, digits, `.`, `_`, `-`, 2 to 50 of them
/// (letters with marks have look-alikes: "quản" and "quan" must not be two accounts that
/// read the same). Upper and lower case are one login.
fn tidy_login(login: &str) -> Result<String> {
    let login = tidy_required("login", line("Tên đăng nhập", 50), login)?;
    if login.chars().count() < 2
        || !login
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
    {
        return Err(Error::invalid(
            "login",
            format!("Tên đăng nhập “{login}”: chỉ dùng chữ không dấu, số và dấu . _ - (ít nhất 2 ký tự, không có khoảng trắng), ví dụ “nguyenvana”."),
        ));
    }
    Ok(login)
}

fn roles_text(roles: &[Role]) -> String {
    roles
        .iter()
        .map(|r| r.label())
        .collect::<Vec<_>>()
        .join(", ")
}

impl Store {
    /// Minutes without use after which the app locks (0: never).
    pub fn idle_lock_minutes(&self) -> Result<u32> {
        Ok(store::read_setting(self.conn(), setting_keys::IDLE_LOCK)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(IDLE_LOCK_DEFAULT))
    }

    /// Who is signed in and what they may do.
    pub fn access_info(&self) -> Result<AccessInfo> {
        let has_accounts = store::has_accounts(self.conn())?;
        let user = match self.user() {
            Some(u) => store::user_by_id(self.conn(), &u.id)?
                .filter(|r| r.active)
                .map(|r| signed_in(&r)),
            None => None,
        };
        let permissions = match (&user, has_accounts) {
            (_, false) => Permission::ALL.to_vec(),
            (Some(u), true) => Permission::ALL
                .iter()
                .copied()
                .filter(|p| allows(&u.roles, *p))
                .collect(),
            (None, true) => vec![],
        };
        Ok(AccessInfo {
            has_accounts,
            user,
            permissions,
            idle_lock_minutes: self.idle_lock_minutes()?,
        })
    }

    /// The check every use case makes first. A register without accounts is open (it is
    /// being set up); otherwise a signed-in, active account whose roles grant `p` is
    /// needed, and one idle for longer than the idle lock is signed out.
    pub fn require(&self, p: Permission) -> Result<()> {
        let Some(u) = self.user() else {
            if store::has_accounts(self.conn())? {
                return Err(Error::SignInRequired(
                    "Chưa đăng nhập: hãy đăng nhập để tiếp tục.".into(),
                ));
            }
            return Ok(());
        };
        self.check_idle()?;
        match store::user_by_id(self.conn(), &u.id)? {
            Some(row) if row.active => {
                if allows(&row.roles, p) {
                    self.touch();
                    Ok(())
                } else {
                    Err(Error::Forbidden(format!(
                        "Tài khoản “{}” ({}) không có quyền {}.",
                        row.login,
                        roles_text(&row.roles),
                        p.label()
                    )))
                }
            }
            _ => {
                self.set_user(None);
                Err(Error::SignInRequired(
                    "Tài khoản này đã bị khóa: hãy đăng nhập bằng tài khoản khác.".into(),
                ))
            }
        }
    }

    /// The idle lock: an account idle for longer than the idle time is signed out and the
    /// call refused, saying so.
    pub(crate) fn check_idle(&self) -> Result<()> {
        if self.user().is_none() {
            return Ok(());
        }
        let idle = self.idle_lock_minutes()?;
        if idle > 0 && self.idle_for() > Duration::from_secs(u64::from(idle) * 60) {
            self.set_user(None);
            return Err(Error::SignInRequired(format!(
                "Phần mềm đã tự khóa sau {idle} phút không dùng: hãy đăng nhập lại."
            )));
        }
        Ok(())
    }

    /// The first start: the register's first account, an administrator, signed in at once.
    pub fn create_first_admin(&mut self, input: &AccountInput) -> Result<SignedIn> {
        if store::has_accounts(self.conn())? {
            return Err(Error::invalid(
                "login",
                "Sổ đã có tài khoản quản trị: hãy đăng nhập.",
            ));
        }
        if !input.roles.contains(&Role::Admin) {
            return Err(Error::invalid(
                "roles",
                "Tài khoản đầu tiên phải có vai trò Quản trị.",
            ));
        }
        let input = AccountInput {
            id: None,
            ..input.clone()
        };
        let account = self.write_unchecked(|tx| {
            if store::has_accounts(tx.conn())? {
                return Err(Error::invalid(
                    "login",
                    "Sổ đã có tài khoản quản trị: hãy đăng nhập.",
                ));
            }
            save(tx, &input)
        })?;
        let row = store::user_by_id(self.conn(), &account.id)?
            .ok_or_else(|| Error::not_found("tài khoản", account.id.clone()))?;
        let user = signed_in(&row);
        self.set_user(Some(user.clone()));
        self.write_unchecked(|tx| {
            tx.change(ChangeAction::SignIn, "users", &user.id, None, None, None)
        })?;
        Ok(user)
    }

    /// Sign in. A wrong login or password is recorded (the login typed) and answered
    /// alike, so the message never tells which accounts exist.
    pub fn sign_in(&mut self, login: &str, password: &str) -> Result<SignedIn> {
        // What was typed, kept for the log even when it is not a login at all.
        let typed = crate::text::tidy("login", line("Tên đăng nhập", limits::ID), login)
            .ok()
            .flatten()
            .unwrap_or_else(|| crate::text::shown(login, 60));
        let found = store::user_by_login(self.conn(), &typed)?;
        // The hash is checked for an unknown login too (against a fixed hash), so the time
        // an answer takes does not tell which logins exist.
        let matches = match &found {
            Some(u) => password_matches(password, &u.password_hash),
            None => password_matches(password, decoy_hash()),
        };
        let ok = found.as_ref().filter(|u| u.active && matches);
        let Some(row) = ok.cloned() else {
            if !self.is_read_only() {
                let note = match &found {
                    Some(u) if !u.active => Some("tài khoản đã khóa".to_string()),
                    _ => None,
                };
                self.write_unchecked(|tx| {
                    tx.change(
                        ChangeAction::SignInFailed,
                        "users",
                        &typed,
                        None,
                        None,
                        note,
                    )
                })?;
            }
            return Err(Error::invalid(
                "password",
                "Tên đăng nhập hoặc mật khẩu không đúng (hoặc tài khoản đã bị khóa).",
            ));
        };
        let user = signed_in(&row);
        self.set_user(Some(user.clone()));
        if !self.is_read_only() {
            self.write_unchecked(|tx| {
                tx.change(ChangeAction::SignIn, "users", &user.id, None, None, None)
            })?;
        }
        Ok(user)
    }

    /// Sign out (or lock): the next command needs a sign-in.
    pub fn sign_out(&mut self) -> Result<()> {
        self.sign_out_noting(None)
    }

    /// The window's idle lock: the account is signed out and the log says why.
    pub fn lock_idle(&mut self) -> Result<()> {
        let minutes = self.idle_lock_minutes()?;
        self.sign_out_noting(Some(format!("tự khóa sau {minutes} phút không dùng")))
    }

    fn sign_out_noting(&mut self, note: Option<String>) -> Result<()> {
        if let Some(user) = self.user() {
            if !self.is_read_only() {
                self.write_unchecked(|tx| {
                    tx.change(ChangeAction::SignOut, "users", &user.id, None, None, note)
                })?;
            }
        }
        self.set_user(None);
        Ok(())
    }

    /// Every account, for the administrator.
    pub fn accounts(&self) -> Result<Vec<Account>> {
        self.require(Permission::ManageUsers)?;
        Ok(store::all_users(self.conn())?
            .into_iter()
            .map(Account::from)
            .collect())
    }

    /// Create or change an account (the administrator). The last active administrator
    /// cannot lose the role or be locked out.
    pub fn save_account(&mut self, input: &AccountInput) -> Result<Account> {
        if !store::has_accounts(self.conn())? {
            // The first account is the administrator, made and signed in as such.
            let user = self.create_first_admin(input)?;
            return self
                .accounts()?
                .into_iter()
                .find(|a| a.id == user.id)
                .ok_or_else(|| Error::not_found("tài khoản", user.id));
        }
        self.write(Permission::ManageUsers, |tx| save(tx, input))
    }

    /// The signed-in account changes its own password.
    pub fn change_password(&mut self, old: &str, new: &str) -> Result<()> {
        let Some(user) = self.user() else {
            return Err(Error::SignInRequired(
                "Chưa đăng nhập: hãy đăng nhập để đổi mật khẩu.".into(),
            ));
        };
        self.require(Permission::ViewTotals).or_else(|e| match e {
            // Every role may change its own password.
            Error::Forbidden(_) => Ok(()),
            e => Err(e),
        })?;
        self.write_unchecked(|tx| {
            let mut row = store::user_by_id(tx.conn(), &user.id)?
                .ok_or_else(|| Error::not_found("tài khoản", user.id.clone()))?;
            if !password_matches(old, &row.password_hash) {
                return Err(Error::invalid(
                    "old_password",
                    "Mật khẩu hiện tại không đúng.",
                ));
            }
            check_password("new_password", new)?;
            if password_matches(new, &row.password_hash) {
                return Err(Error::invalid(
                    "new_password",
                    "Mật khẩu mới trùng mật khẩu hiện tại: hãy chọn mật khẩu khác.",
                ));
            }
            let before = account_json(&row);
            row.password_hash = hash_password(new)?;
            store::update_user(tx.conn(), &row)?;
            tx.updated_as(
                ChangeAction::Account,
                "users",
                &row.id,
                &before,
                &account_json(&row),
                Some("đổi mật khẩu".into()),
            )
            .map(|_| ())
        })
    }

    /// The administrator sets the idle lock (0: never; at most 480 minutes).
    pub fn set_idle_lock(&mut self, minutes: u32) -> Result<u32> {
        if minutes > 480 {
            return Err(Error::invalid(
                "idle_lock_minutes",
                "Thời gian tự khóa: tối đa 480 phút (8 giờ); 0 là không tự khóa.",
            ));
        }
        self.write(Permission::Settings, |tx| {
            let old = store::read_setting(tx.conn(), setting_keys::IDLE_LOCK)?;
            store::write_setting(tx.conn(), setting_keys::IDLE_LOCK, &minutes.to_string())?;
            // Said in words in the log, as the other settings are ("15 phút → không tự
            // khóa": turning the lock off must be seen).
            let said = |m: u32| {
                if m == 0 {
                    "không tự khóa".to_string()
                } else {
                    format!("{m} phút")
                }
            };
            let before = old
                .as_deref()
                .and_then(|o| o.parse().ok())
                .unwrap_or(IDLE_LOCK_DEFAULT);
            let note = format!(
                "Thời gian tự khóa khi không dùng: {} → {}",
                said(before),
                said(minutes)
            );
            tx.change(
                ChangeAction::Settings,
                "settings",
                setting_keys::IDLE_LOCK,
                old.map(|o| serde_json::json!({ "value": o })),
                Some(serde_json::json!({ "value": minutes.to_string() })),
                Some(note),
            )
        })?;
        Ok(minutes)
    }
}

/// Create or change an account inside a write.
fn save(tx: &super::Tx<'_>, input: &AccountInput) -> Result<Account> {
    let conn = tx.conn();
    let login = tidy_login(&input.login)?;
    let full_name = tidy_required(
        "full_name",
        line("Họ và tên", limits::NAME),
        &input.full_name,
    )?;
    if input.roles.is_empty() {
        return Err(Error::invalid(
            "roles",
            "Vai trò: chọn ít nhất một vai trò cho tài khoản.",
        ));
    }
    let mut roles = input.roles.clone();
    roles.sort();
    roles.dedup();
    if let Some(other) = store::user_by_login(conn, &login)? {
        if input.id.as_deref() != Some(other.id.as_str()) {
            return Err(Error::invalid(
                "login",
                format!("Tên đăng nhập “{login}” đã có tài khoản khác dùng."),
            ));
        }
    }
    match &input.id {
        None => {
            let password = input.password.as_deref().unwrap_or("");
            check_password("password", password)?;
            let row = UserRow {
                id: store::new_id(),
                login,
                full_name,
                roles,
                password_hash: hash_password(password)?,
                active: input.active,
                created_at: tx.at.clone(),
            };
            store::insert_user(conn, &row)?;
            tx.change(
                ChangeAction::Account,
                "users",
                &row.id,
                None,
                Some(account_json(&row)),
                Some("tạo tài khoản".into()),
            )?;
            Ok(row.into())
        }
        Some(id) => {
            let old = store::user_by_id(conn, id)?
                .ok_or_else(|| Error::not_found("tài khoản", id.clone()))?;
            let mut row = UserRow {
                login,
                full_name,
                roles,
                active: input.active,
                ..old.clone()
            };
            if let Some(p) = input.password.as_deref().filter(|p| !p.is_empty()) {
                check_password("password", p)?;
                row.password_hash = hash_password(p)?;
            }
            let was_admin = old.active && old.roles.contains(&Role::Admin);
            let is_admin = row.active && row.roles.contains(&Role::Admin);
            if was_admin && !is_admin {
                let admins = store::all_users(conn)?
                    .iter()
                    .filter(|u| u.active && u.roles.contains(&Role::Admin) && u.id != row.id)
                    .count();
                if admins == 0 {
                    return Err(Error::invalid(
                        "roles",
                        "Đây là tài khoản quản trị cuối cùng còn hoạt động: không bỏ vai trò Quản trị hay khóa tài khoản này được.",
                    ));
                }
            }
            store::update_user(conn, &row)?;
            tx.updated_as(
                ChangeAction::Account,
                "users",
                &row.id,
                &account_json(&old),
                &account_json(&row),
                account_change_note(&old, &row),
            )?;
            Ok(row.into())
        }
    }
}

/// What an account's change did, as the audit log says it: "khóa tài khoản; vai trò: Cán bộ
/// tiếp dân → Cán bộ tiếp dân, Lãnh đạo; đặt lại mật khẩu".
fn account_change_note(old: &UserRow, new: &UserRow) -> Option<String> {
    let roles = |r: &[Role]| r.iter().map(|r| r.label()).collect::<Vec<_>>().join(", ");
    let mut parts = Vec::new();
    if old.active != new.active {
        parts.push(if new.active {
            "mở lại tài khoản".to_string()
        } else {
            "khóa tài khoản".to_string()
        });
    }
    if old.login != new.login {
        parts.push(format!("tên đăng nhập: {} → {}", old.login, new.login));
    }
    if old.full_name != new.full_name {
        parts.push(format!("họ tên: {} → {}", old.full_name, new.full_name));
    }
    if old.roles != new.roles {
        parts.push(format!(
            "vai trò: {} → {}",
            roles(&old.roles),
            roles(&new.roles)
        ));
    }
    if old.password_hash != new.password_hash {
        parts.push("đặt lại mật khẩu".to_string());
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// What the history keeps of an account: never the password's hash, only a short
/// fingerprint of it, so a password set behind the app's back is found.
fn account_json(u: &UserRow) -> serde_json::Value {
    use sha2::{Digest, Sha256};
    let fingerprint: String = Sha256::digest(u.password_hash.as_bytes())
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    serde_json::json!({
        "login": u.login,
        "full_name": u.full_name,
        "roles": crate::access::roles_to_text(&u.roles),
        "active": u.active,
        "password": fingerprint,
    })
}

/// Whether every account is what its history made it (creation, then each change), every
/// account has a history, and every account the history made is still there (the app
/// never deletes one: it locks it); the first account that is not, said.
pub(crate) fn accounts_off_history(conn: &rusqlite::Connection) -> Result<Option<String>> {
    let made: Vec<String> = conn
        .prepare(
            "SELECT DISTINCT record_id FROM changes WHERE table_name = 'users' AND action = ?1",
        )?
        .query_map([ChangeAction::Account], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in made {
        if store::user_by_id(conn, &id)?.is_none() {
            let login = store::changes_of(conn, "users", &id)?
                .into_iter()
                .rev()
                .find_map(|c| {
                    c.new
                        .as_ref()
                        .and_then(|n| n.get("login"))
                        .and_then(|l| l.as_str())
                        .map(str::to_owned)
                })
                .unwrap_or(id);
            return Ok(Some(format!(
                "Tài khoản “{}” có trong lịch sử nhưng không còn trong sổ: đã bị xóa ngoài phần mềm.",
                crate::text::shown(&login, 40)
            )));
        }
    }
    for row in store::all_users(conn)? {
        let mut replayed: Option<serde_json::Map<String, serde_json::Value>> = None;
        for c in store::changes_of(conn, "users", &row.id)? {
            if let (
                ChangeAction::Account | ChangeAction::Update,
                Some(serde_json::Value::Object(new)),
            ) = (c.action, c.new)
            {
                let state = replayed.get_or_insert_with(Default::default);
                for (k, v) in new {
                    state.insert(k, v);
                }
            }
        }
        let now = account_json(&row);
        let whole = replayed.is_some_and(|r| serde_json::Value::Object(r) == now);
        if !whole {
            return Ok(Some(format!(
                "Tài khoản “{}” không khớp với lịch sử của nó: tài khoản, vai trò hoặc mật khẩu đã bị thêm hay sửa ngoài phần mềm.",
                row.login
            )));
        }
    }
    Ok(None)
}
