//! Who may do what: the four roles of issue 7 and the permissions each grants. The core
//! checks a permission at the top of every use case (`Store::require`) and in the one write
//! path, so a command the UI hides is refused by the core too.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::text_enum;

text_enum!(
    /// A role an account holds (an account may hold several: a small ward's one officer
    /// may also be its administrator).
    Role {
        Officer => "officer", "Cán bộ tiếp dân";
        Leader => "leader", "Lãnh đạo";
        Admin => "admin", "Quản trị";
        Viewer => "viewer", "Chỉ xem số liệu";
    }
);

text_enum!(
    /// What a use case needs.
    Permission {
        ViewTotals => "view_totals", "xem số liệu tổng hợp";
        ViewRecords => "view_records", "xem sổ và hồ sơ";
        Record => "record", "ghi, sửa sổ tiếp dân";
        Reveal => "reveal", "xem danh tính người tố cáo";
        Report => "report", "khóa kỳ báo cáo, nhập số liệu báo cáo";
        Export => "export", "xuất tệp";
        ManageUsers => "manage_users", "quản lý tài khoản";
        Settings => "settings", "thay đổi cài đặt";
        Backup => "backup", "sao lưu, khôi phục, bảo trì sổ";
        ViewAudit => "view_audit", "xem nhật ký kiểm tra";
    }
);

impl Role {
    /// The permissions this role grants (issue 7: officer records; leader reads all,
    /// reveals, locks periods, exports; administrator manages users, settings, backups;
    /// viewer sees totals only).
    pub fn grants(self) -> &'static [Permission] {
        use Permission::*;
        match self {
            Role::Officer => &[ViewTotals, ViewRecords, Record],
            Role::Leader => &[ViewTotals, ViewRecords, Reveal, Report, Export],
            Role::Admin => &[ViewTotals, ManageUsers, Settings, Backup, ViewAudit],
            Role::Viewer => &[ViewTotals],
        }
    }
}

/// Whether any of `roles` grants `p`.
pub fn allows(roles: &[Role], p: Permission) -> bool {
    roles.iter().any(|r| r.grants().contains(&p))
}

/// Roles as stored (`officer,admin`), in the order of `Role::ALL`.
pub fn roles_to_text(roles: &[Role]) -> String {
    Role::ALL
        .iter()
        .filter(|r| roles.contains(r))
        .map(|r| r.code())
        .collect::<Vec<_>>()
        .join(",")
}

pub fn roles_from_text(text: &str) -> Vec<Role> {
    text.split(',').filter_map(Role::from_code).collect()
}

/// The account signed in through a `Store`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SignedIn {
    pub id: String,
    pub login: String,
    pub full_name: String,
    pub roles: Vec<Role>,
}

/// What the UI is told about who is signed in and what they may do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AccessInfo {
    /// Whether the register has any account yet (none: the first start creates one).
    pub has_accounts: bool,
    pub user: Option<SignedIn>,
    /// The permissions of the signed-in account (all while the register has none).
    pub permissions: Vec<Permission>,
    /// Minutes without use after which the app locks (0: never).
    pub idle_lock_minutes: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_grant_what_issue_7_says() {
        assert!(allows(&[Role::Officer], Permission::Record));
        assert!(!allows(&[Role::Officer], Permission::Reveal));
        assert!(!allows(&[Role::Officer], Permission::Export));
        assert!(allows(&[Role::Leader], Permission::Reveal));
        assert!(allows(&[Role::Leader], Permission::Report));
        assert!(!allows(&[Role::Leader], Permission::Record));
        assert!(allows(&[Role::Admin], Permission::Backup));
        assert!(!allows(&[Role::Admin], Permission::ViewRecords));
        assert!(!allows(&[Role::Admin], Permission::Reveal));
        assert!(allows(&[Role::Viewer], Permission::ViewTotals));
        assert!(!allows(&[Role::Viewer], Permission::ViewRecords));
        assert!(allows(&[Role::Viewer, Role::Officer], Permission::Record));
    }

    /// The UI names the roles with the core's words (ui/src/lib/access.ts keeps one copy,
    /// in the core's order).
    #[test]
    fn the_ui_names_the_roles_as_the_core_does() {
        let ui = include_str!("../ui/src/lib/access.ts");
        let from = ui.find("ROLE_LABELS").unwrap();
        let block = &ui[from..from + ui[from..].find("};").unwrap()];
        for r in Role::ALL {
            assert!(
                block.contains(&format!("{}: '{}'", r.code(), r.label())),
                "{:?}",
                r
            );
        }
        let order: Vec<&str> = Role::ALL.iter().map(|r| r.code()).collect();
        let want = format!(
            "ROLE_ORDER: readonly Role[] = [{}]",
            order
                .iter()
                .map(|c| format!("'{c}'"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        assert!(ui.contains(&want), "{want}");
    }

    #[test]
    fn roles_round_trip_as_text() {
        let text = roles_to_text(&[Role::Admin, Role::Officer]);
        assert_eq!(text, "officer,admin");
        assert_eq!(roles_from_text(&text), vec![Role::Officer, Role::Admin]);
    }
}
