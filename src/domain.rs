//! Domain types: the words of the glossary in `design.md`, one name per idea.
//! Dates are ISO `YYYY-MM-DD` strings at the boundary; the core parses and checks them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

macro_rules! text_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident => $code:literal, $label:literal;)+ }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS, schemars::JsonSchema)]
        pub enum $name { $(#[serde(rename = $code)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The code stored in SQLite and in the exchange format.
            pub fn code(self) -> &'static str { match self { $($name::$variant => $code),+ } }
            /// The Vietnamese label an officer reads.
            pub fn label(self) -> &'static str { match self { $($name::$variant => $label),+ } }
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.code().into())
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let s = v.as_str()?;
                $name::from_code(s).ok_or_else(|| rusqlite::types::FromSqlError::Other(
                    format!("unknown {} code {s:?}", stringify!($name)).into()))
            }
        }
    };
}

pub(crate) use text_enum;

text_enum!(
    /// Kind of session (tiếp thường xuyên / định kỳ / đột xuất).
    SessionKind {
        Regular => "regular", "Thường xuyên";
        Scheduled => "scheduled", "Định kỳ";
        AdHoc => "ad_hoc", "Đột xuất";
    }
);

text_enum!(
    /// Who received: the chairman, a deputy by delegation (before 01/7/2026),
    /// the reception officers, or the People's Council standing body.
    HostGroup {
        Chairman => "chairman", "Chủ tịch UBND";
        Deputy => "deputy", "Cấp phó được ủy quyền";
        Officer => "officer", "Công chức tiếp dân";
        Council => "council", "Thường trực HĐND";
    }
);

text_enum!(
    /// Kind of petition (and of what a visit is about).
    PetitionKind {
        Complaint => "complaint", "Khiếu nại";
        Denunciation => "denunciation", "Tố cáo";
        Proposal => "proposal", "Kiến nghị, phản ánh";
        Mixed => "mixed", "Nhiều nội dung";
    }
);

text_enum!(
    /// How the matter was handled (hướng xử lý).
    Handling {
        Accept => "accept", "Thụ lý";
        Guide => "guide", "Hướng dẫn";
        Transfer => "transfer", "Chuyển đơn";
        Urge => "urge", "Đôn đốc";
        Return => "return", "Trả lại đơn";
        File => "file", "Lưu đơn";
        None => "none", "Chưa xử lý";
    }
);

text_enum!(
    /// Where a petition came from.
    PetitionSource {
        Visit => "visit", "Qua tiếp công dân";
        Post => "post", "Qua bưu chính";
        Online => "online", "Trực tuyến";
        Transfer => "transfer", "Cơ quan khác chuyển đến";
    }
);

text_enum!(
    /// Whether a petition is still being handled (derived from its lifecycle state).
    PetitionStatus {
        Open => "open", "Đang xử lý";
        Closed => "closed", "Đã xong";
    }
);

text_enum!(
    /// Where a petition stands in its legal lifecycle (`law::lifecycle` says which moves
    /// lead where).
    PetitionState {
        Received => "received", "Đã tiếp nhận";
        Classified => "classified", "Đã phân loại";
        Accepted => "accepted", "Đã thụ lý, đang giải quyết";
        Suspended => "suspended", "Tạm đình chỉ giải quyết";
        Resolved => "resolved", "Đã giải quyết";
        Withdrawn => "withdrawn", "Đã rút đơn";
        Terminated => "terminated", "Đình chỉ giải quyết";
        Declined => "declined", "Không thụ lý";
        Guided => "guided", "Đã hướng dẫn";
        Transferred => "transferred", "Đã chuyển đơn";
        Urged => "urged", "Đã đôn đốc";
        Returned => "returned", "Đã trả lại đơn";
        Filed => "filed", "Lưu đơn";
    }
);

impl PetitionState {
    /// Still being handled by the ward: received, classified, accepted or suspended.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            PetitionState::Received
                | PetitionState::Classified
                | PetitionState::Accepted
                | PetitionState::Suspended
        )
    }

    pub fn status(self) -> PetitionStatus {
        if self.is_open() {
            PetitionStatus::Open
        } else {
            PetitionStatus::Closed
        }
    }
}

text_enum!(
    /// A move of the lifecycle: what the officer records on a petition.
    MoveAction {
        Receive => "receive", "Tiếp nhận đơn";
        Classify => "classify", "Phân loại đơn";
        Accept => "accept", "Thụ lý giải quyết";
        Notify => "notify", "Thông báo thụ lý tố cáo";
        ExtendCheck => "extend_check", "Kéo dài thời hạn kiểm tra tố cáo";
        Decline => "decline", "Không thụ lý";
        Extend => "extend", "Gia hạn giải quyết";
        Suspend => "suspend", "Tạm đình chỉ giải quyết";
        Resume => "resume", "Tiếp tục giải quyết";
        Resolve => "resolve", "Giải quyết xong";
        Withdraw => "withdraw", "Rút đơn";
        WithdrawPart => "withdraw_part", "Rút một phần nội dung";
        Terminate => "terminate", "Đình chỉ giải quyết";
        Guide => "guide", "Hướng dẫn";
        Transfer => "transfer", "Chuyển đơn";
        Urge => "urge", "Đôn đốc";
        Return => "return", "Trả lại đơn";
        File => "file", "Lưu đơn";
        Duplicate => "duplicate", "Đơn trùng";
        Reopen => "reopen", "Mở lại (dữ liệu cũ)";
    }
);

text_enum!(
    /// Result of a resolution: a complaint or denunciation right, partly right or wrong;
    /// a second-round complaint upholding or annulling the first decision; a proposal answered.
    Outcome {
        Right => "right", "Đúng";
        PartlyRight => "partly_right", "Đúng một phần";
        Wrong => "wrong", "Sai";
        Upheld => "upheld", "Công nhận quyết định lần đầu";
        Annulled => "annulled", "Hủy, sửa quyết định lần đầu";
        Answered => "answered", "Đã trả lời, giải quyết";
    }
);

text_enum!(
    /// Who signed a petition (01/XLD: một người / nhiều người / nặc danh).
    Signers {
        One => "one", "Một người đứng tên";
        Many => "many", "Nhiều người đứng tên";
        Anonymous => "anonymous", "Nặc danh";
    }
);

text_enum!(
    /// Who made a change. Accounts come later; until then the desk (the app) or the CLI.
    Actor {
        Desk => "desk", "Bàn tiếp dân";
        Cli => "cli", "Dòng lệnh";
        Import => "import", "Nhập tệp trao đổi";
        Sample => "sample", "Dữ liệu mẫu";
        Migration => "migration", "Nâng cấp dữ liệu";
    }
);

text_enum!(
    /// What a change record says happened.
    ChangeAction {
        Create => "create", "Tạo mới";
        Update => "update", "Sửa";
        Delete => "delete", "Xóa";
        Move => "move", "Bước xử lý đơn";
        UndoMove => "undo_move", "Hủy bước xử lý";
        Merge => "merge", "Gộp hai hồ sơ công dân";
        Unmerge => "unmerge", "Hủy gộp công dân";
        Import => "import", "Nhập tệp trao đổi";
        Settings => "settings", "Cài đặt";
        SignIn => "sign_in", "Đăng nhập";
        SignInFailed => "sign_in_failed", "Đăng nhập sai";
        SignOut => "sign_out", "Đăng xuất";
        Account => "account", "Tài khoản";
        Reveal => "reveal", "Xem danh tính người tố cáo";
        Export => "export", "Xuất tệp";
        Backup => "backup", "Sao lưu, khôi phục";
    }
);

text_enum!(
    /// Round of a petition: complaint lần đầu / lần 2; denunciation lần đầu / tiếp.
    Round {
        First => "first", "Lần đầu";
        Subsequent => "subsequent", "Lần hai / tiếp";
    }
);

text_enum!(
    /// Competence of the ward over a petition (thẩm quyền).
    Competence {
        Undetermined => "undetermined", "Chưa xác định";
        Within => "within", "Thuộc thẩm quyền";
        Outside => "outside", "Không thuộc thẩm quyền";
    }
);

text_enum!(
    /// Kind of identity document.
    IdKind {
        None => "none", "Không có";
        CanCuoc => "can_cuoc", "Căn cước / CCCD";
        Cmnd => "cmnd", "CMND (cũ)";
        Passport => "passport", "Hộ chiếu";
    }
);

text_enum!(
    /// 02/XLD field group for complaints.
    ComplaintGroup {
        Land => "land", "Đất đai";
        Policy => "policy", "Chế độ, chính sách";
        Other => "other", "Khác";
    }
);

text_enum!(
    /// 02/XLD field group for denunciations.
    DenunciationGroup {
        Administrative => "administrative", "Hành chính";
        Corruption => "corruption", "Tham nhũng";
        Justice => "justice", "Tư pháp";
        Other => "other", "Khác";
    }
);

text_enum!(
    /// 02/XLD field group for proposals.
    ProposalGroup {
        Policy => "policy", "Chế độ, chính sách";
        Land => "land", "Đất đai";
        Other => "other", "Khác";
    }
);

text_enum!(
    /// Period presets of the summary screen.
    PeriodPreset {
        Today => "today", "Hôm nay";
        ThisWeek => "this_week", "Tuần này";
        LastWeek => "last_week", "Tuần trước";
        ThisMonth => "this_month", "Tháng này";
        LastMonth => "last_month", "Tháng trước";
    }
);

text_enum!(
    /// The statutory reporting periods of TT 06/2025/TT-TTCP, Điều 7: each runs from the
    /// 15th of the month before to the 14th (Quý I: 15/12 of the year before to 14/3).
    ReportingPeriod {
        Q1 => "quy-1", "Quý I";
        Q2 => "quy-2", "Quý II";
        Q3 => "quy-3", "Quý III";
        Q4 => "quy-4", "Quý IV";
        SixMonths => "6-thang", "6 tháng";
        NineMonths => "9-thang", "9 tháng";
        Year => "nam", "Năm";
    }
);

/// A field of the catalogue (lĩnh vực) with its 02/XLD groups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
pub struct Field {
    pub code: String,
    pub name: String,
    pub complaint_group: ComplaintGroup,
    pub denunciation_group: DenunciationGroup,
    pub proposal_group: ProposalGroup,
    pub active: bool,
}

/// A person as typed at the desk: an existing person (by id) or a new one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct PersonInput {
    /// Set when the officer picked a person found by the lookup.
    #[serde(default)]
    pub existing_id: Option<String>,
    pub full_name: String,
    #[serde(default)]
    pub id_kind: Option<IdKind>,
    #[serde(default)]
    pub id_number: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    /// With `existing_id`: what was typed corrects the person's record (same checks as
    /// "Sửa" on the person's page), in the same save. Without it, typed details only fill
    /// the record's blanks.
    #[serde(default)]
    pub correct: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
pub struct Person {
    pub id: String,
    pub full_name: String,
    pub id_kind: IdKind,
    pub id_number: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    /// Set when this record was merged into another (two records of one citizen).
    #[serde(default)]
    pub merged_into: Option<String>,
    /// A denunciator's identity, hidden: name, identity number, address and phone are
    /// masked (`desk::privacy`). Never set in the register itself.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[schemars(skip)]
    #[ts(optional = nullable)]
    pub masked: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewSession {
    pub date: String,
    pub kind: SessionKind,
    pub host_group: HostGroup,
    #[serde(default)]
    pub host_name: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
pub struct Session {
    pub id: String,
    pub date: String,
    pub kind: SessionKind,
    pub host_group: HostGroup,
    pub host_name: Option<String>,
    pub place: Option<String>,
    pub notes: Option<String>,
}

/// Handling at reception or of a petition, with the agency and letter when it applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
pub struct HandlingInput {
    pub handling: Handling,
    /// The agency a petition is transferred or the citizen guided to.
    #[serde(default)]
    pub agency: Option<String>,
    /// Number of the transfer or guidance letter.
    #[serde(default)]
    pub letter_no: Option<String>,
}

impl Default for HandlingInput {
    fn default() -> Self {
        HandlingInput {
            handling: Handling::None,
            agency: None,
            letter_no: None,
        }
    }
}

/// What 02/XLD needs of a petition, recorded even where no screen shows it yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
pub struct Classification {
    pub round: Round,
    pub competence: Competence,
    /// Đủ điều kiện xử lý; `None` while not yet reviewed.
    #[serde(default)]
    pub eligible: Option<bool>,
}

impl Default for Classification {
    fn default() -> Self {
        Classification {
            round: Round::First,
            competence: Competence::Undetermined,
            eligible: None,
        }
    }
}

/// A petition handed in during a visit: received that day, by those persons.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct VisitPetitionInput {
    pub kind: PetitionKind,
    /// For a petition with several kinds of content: the kinds it carries (two or more).
    #[serde(default)]
    pub contents: Vec<PetitionKind>,
    #[serde(default)]
    pub field_code: Option<String>,
    pub content: String,
    #[serde(default)]
    pub respondent: Option<String>,
    #[serde(default)]
    pub handling: HandlingInput,
    #[serde(default)]
    pub classification: Classification,
    /// Đơn trùng: the open petition this one repeats (filed, not counted twice).
    #[serde(default)]
    pub duplicate_of: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewVisit {
    pub session_id: String,
    pub persons: Vec<PersonInput>,
    /// How many came; at least the number of named persons.
    pub headcount: u32,
    pub content: String,
    #[serde(default)]
    pub kind: Option<PetitionKind>,
    #[serde(default)]
    pub field_code: Option<String>,
    #[serde(default)]
    pub handling: HandlingInput,
    /// The earlier case this visit is about; `None` opens a new case.
    #[serde(default)]
    pub case_id: Option<String>,
    /// The chairman took part in a regular visit: it counts once, under the chairman.
    #[serde(default)]
    pub chairman_joined: bool,
    #[serde(default)]
    pub petition: Option<VisitPetitionInput>,
    /// The bodies that already handled the matter, as the citizen says them (the Sổ's
    /// "Cơ quan đã giải quyết").
    #[serde(default)]
    pub prior_agencies: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Visit {
    pub id: String,
    pub session_id: String,
    pub seq: u32,
    pub headcount: u32,
    /// Đoàn đông người: 5 people or more (derived from the headcount, 01/TCD note).
    pub delegation: bool,
    pub content: String,
    pub kind: Option<PetitionKind>,
    pub field_code: Option<String>,
    pub handling: HandlingInput,
    pub case_id: String,
    pub chairman_joined: bool,
    pub persons: Vec<Person>,
    /// Number of the petition handed in at this visit, if any (`12/2026`), and its id.
    pub petition_number: Option<String>,
    pub petition_id: Option<String>,
    /// Where that petition stands now (a visit left "chưa xử lý" at the desk may have had
    /// its petition guided or transferred since).
    pub petition_state: Option<PetitionState>,
    /// The bodies that already handled the matter ("Cơ quan đã giải quyết").
    #[serde(default)]
    pub prior_agencies: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SessionView {
    pub session: Session,
    pub visits: Vec<Visit>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewPetition {
    pub received_on: String,
    pub source: PetitionSource,
    /// Agency that transferred it, for `transfer`.
    #[serde(default)]
    pub source_agency: Option<String>,
    pub kind: PetitionKind,
    /// For a petition with several kinds of content: the kinds it carries (two or more).
    #[serde(default)]
    pub contents: Vec<PetitionKind>,
    #[serde(default)]
    pub field_code: Option<String>,
    pub content: String,
    #[serde(default)]
    pub anonymous: bool,
    #[serde(default)]
    pub petitioners: Vec<PersonInput>,
    #[serde(default)]
    pub respondent: Option<String>,
    #[serde(default)]
    pub handling: HandlingInput,
    #[serde(default)]
    pub classification: Classification,
    #[serde(default)]
    pub case_id: Option<String>,
    /// Đơn trùng: the open petition this one repeats (filed, not counted twice).
    #[serde(default)]
    pub duplicate_of: Option<String>,
}

#[cfg(test)]
impl NewPetition {
    /// A petition one person sent by post (for the core's tests).
    pub(crate) fn by_post(
        received_on: &str,
        kind: PetitionKind,
        field_code: Option<&str>,
        content: &str,
        petitioner: &str,
    ) -> NewPetition {
        NewPetition {
            received_on: received_on.into(),
            source: PetitionSource::Post,
            source_agency: None,
            kind,
            contents: vec![],
            field_code: field_code.map(Into::into),
            content: content.into(),
            anonymous: false,
            petitioners: vec![PersonInput {
                full_name: petitioner.into(),
                ..Default::default()
            }],
            respondent: None,
            handling: HandlingInput::default(),
            classification: Classification::default(),
            case_id: None,
            duplicate_of: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Petition {
    pub id: String,
    /// Yearly number, `12/2026`.
    pub number: String,
    pub received_on: String,
    pub source: PetitionSource,
    pub source_agency: Option<String>,
    pub visit_id: Option<String>,
    pub kind: PetitionKind,
    /// For a petition with several kinds of content: the kinds it carries.
    pub contents: Vec<PetitionKind>,
    pub field_code: Option<String>,
    pub content: String,
    pub anonymous: bool,
    pub petitioners: Vec<Person>,
    pub respondent: Option<String>,
    /// The latest handling decided (guide, transfer… with agency and letter).
    pub handling: HandlingInput,
    pub classification: Classification,
    pub state: PetitionState,
    /// Open while the state is; for filters and lists.
    pub status: PetitionStatus,
    pub signers: Signers,
    pub outcome: Option<Outcome>,
    /// The outcome as this kind of petition names it ("Khiếu nại đúng một phần").
    pub outcome_label: Option<String>,
    /// Vụ việc phức tạp: the longer resolution time applies.
    pub complex: bool,
    /// A second-round complaint's first-round petition, and its number.
    pub first_round_id: Option<String>,
    pub first_round_number: Option<String>,
    /// Đơn trùng: the open petition this one repeats (not counted twice), and its number.
    pub duplicate_of: Option<String>,
    pub duplicate_of_number: Option<String>,
    pub case_id: String,
    /// The legal deadlines as of today, each citing its rule.
    pub deadlines: Vec<Deadline>,
    /// The earliest deadline not yet met, if any.
    pub next_due: Option<Deadline>,
    pub urgency: Urgency,
}

text_enum!(
    /// A deadline of the lifecycle (`law::deadlines` computes them).
    DeadlineStep {
        FirstReply => "first_reply", "Trả lời việc xử lý đơn";
        DenunciationCheck => "denunciation_check", "Vào sổ, phân loại, kiểm tra điều kiện thụ lý tố cáo";
        DenunciationTransfer => "denunciation_transfer", "Chuyển đơn tố cáo không thuộc thẩm quyền";
        DenunciationNotice => "denunciation_notice", "Thông báo thụ lý cho người tố cáo, người bị tố cáo";
        ComplaintAcceptance => "complaint_acceptance", "Thụ lý hoặc không thụ lý khiếu nại";
        ComplaintResolution => "complaint_resolution", "Giải quyết khiếu nại";
        DenunciationResolution => "denunciation_resolution", "Giải quyết tố cáo";
        ProposalResolution => "proposal_resolution", "Giải quyết kiến nghị, phản ánh";
        Unprocessed => "unprocessed", "Đơn để lâu không xử lý (Nghị định 154/2026/NĐ-CP)";
    }
);

text_enum!(
    /// How pressing a petition is, as of a date.
    Urgency {
        None => "none", "Trong hạn";
        DueSoon => "due_soon", "Sắp đến hạn";
        Overdue => "overdue", "Quá hạn";
        Unknown => "unknown", "Chưa tính được hạn";
    }
);

/// One legal deadline of a petition, as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Deadline {
    pub step: DeadlineStep,
    pub label: String,
    /// The last day (ISO); `None` when it cannot be computed (see `note`).
    pub due: Option<String>,
    /// The article the deadline comes from.
    pub rule: String,
    /// Not met, and the due day has passed.
    pub overdue: bool,
    /// Not met, and due within the "sắp đến hạn" window (working days).
    pub due_soon: bool,
    /// The date of the move that met it.
    pub met_on: Option<String>,
    /// Met, but after the due day.
    pub late: bool,
    /// Why there is no due day (a year the calendar does not know, a suspension), or,
    /// with a due day, what is known of a step the petition ended without (a notice not
    /// recorded).
    pub note: Option<String>,
    /// The clock is stopped: the resolution is suspended.
    pub suspended: bool,
}

/// The deadline numbers the sources leave uncertain, as settings with their defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DeadlineSettings {
    /// Trả lời việc xử lý đơn nhận khi tiếp công dân, in working days (Luật Tiếp công dân
    /// Đ28: 10).
    pub first_reply_working_days: u32,
    /// Xử lý đơn nhận qua bưu chính, trực tuyến hay do cơ quan khác chuyển đến, in working
    /// days (TT 05/2021: 10; its wording not confirmed, domain.md §3: UNCERTAIN). Its own
    /// setting: changing it leaves the reply of Luật Tiếp công dân Đ28 as it is.
    #[serde(default = "ten_days")]
    pub processing_working_days: u32,
    /// Whether the deadlines the laws write in plain "ngày" (not "ngày làm việc") are
    /// counted in working days: complaint acceptance before 01/7/2026, complaint and
    /// denunciation resolution, the unprocessed limit. false (the default): calendar days,
    /// the reading of BLDS 2015 Đ147–148 (domain.md §3: UNCERTAIN, so a setting).
    #[serde(default)]
    pub plain_days_working: bool,
    /// Thụ lý khiếu nại from 01/7/2026, in working days (NĐ 155/2026: 7).
    pub complaint_acceptance_working_days: u32,
    /// Đơn tồn đọng: days without handling (NĐ 154/2026 Đ41: 45).
    pub unprocessed_days: u32,
    /// "Sắp đến hạn": due within this many working days (3).
    pub due_soon_working_days: u32,
    /// Vùng sâu, vùng xa: the longer complaint resolution times apply.
    pub remote_area: bool,
    /// Giải quyết kiến nghị, phản ánh, in days from acceptance: the law sets no general
    /// time (domain.md §3, UNCERTAIN), so the office sets its own; 0 (the default): none
    /// followed.
    #[serde(default)]
    pub proposal_resolution_days: u32,
}

/// TT 05/2021's processing time, for settings saved before it was one.
fn ten_days() -> u32 {
    10
}

/// What 02/XLD needs, decided when the petition is classified (the `classify` move).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
pub struct ClassifyInput {
    pub kind: PetitionKind,
    /// For a petition with several kinds of content: the kinds it carries (two or more).
    #[serde(default)]
    pub contents: Vec<PetitionKind>,
    #[serde(default)]
    pub field_code: Option<String>,
    /// Đủ điều kiện xử lý.
    pub eligible: bool,
    pub competence: Competence,
    pub signers: Signers,
    #[serde(default = "first_round")]
    pub round: Round,
    /// For a second-round complaint: the first-round petition, if the register holds it.
    #[serde(default)]
    pub first_round_id: Option<String>,
    /// Vụ việc phức tạp (longer resolution time).
    #[serde(default)]
    pub complex: bool,
}

fn first_round() -> Round {
    Round::First
}

/// A move recorded on a petition: the action, its date, and what it needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MoveInput {
    pub petition_id: String,
    pub action: MoveAction,
    /// The date the move took effect (ISO); not before the last move, not in the future.
    pub on_date: String,
    #[serde(default)]
    pub note: Option<String>,
    /// Number of the document: notice, decision, conclusion, transfer letter…
    #[serde(default)]
    pub doc_no: Option<String>,
    /// The agency a petition is transferred to, or the citizen guided to, or urged.
    #[serde(default)]
    pub agency: Option<String>,
    #[serde(default)]
    pub outcome: Option<Outcome>,
    /// Days of an extension (gia hạn).
    #[serde(default)]
    pub extension_days: Option<u32>,
    #[serde(default)]
    pub classification: Option<ClassifyInput>,
    /// For `duplicate`: the open petition this one repeats.
    #[serde(default)]
    pub duplicate_of: Option<String>,
}

impl MoveInput {
    /// A move with no inputs yet: the caller fills what the move takes.
    pub fn new(
        petition_id: impl Into<String>,
        action: MoveAction,
        on_date: impl Into<String>,
    ) -> Self {
        MoveInput {
            petition_id: petition_id.into(),
            action,
            on_date: on_date.into(),
            note: None,
            doc_no: None,
            agency: None,
            outcome: None,
            extension_days: None,
            classification: None,
            duplicate_of: None,
        }
    }
}

/// A move as the timeline shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PetitionMove {
    pub id: String,
    pub action: MoveAction,
    pub on_date: String,
    /// UTC instant it was recorded.
    pub at: String,
    pub actor: Actor,
    pub from_state: Option<PetitionState>,
    pub to_state: PetitionState,
    pub note: Option<String>,
    pub doc_no: Option<String>,
    pub agency: Option<String>,
    /// What the move decided, in words ("Gia hạn 30 ngày", "Kết quả: Đúng một phần").
    pub summary: Option<String>,
    /// The signed-in account that recorded it (from the history of the same save; none
    /// before accounts, or for a move another register recorded).
    #[serde(default)]
    pub user: Option<String>,
}

/// A move the officer may record next, or one refused with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MoveOption {
    pub action: MoveAction,
    pub label: String,
    pub allowed: bool,
    /// Why it is refused (Vietnamese, citing the rule).
    pub reason: Option<String>,
    /// The inputs the move takes (`classification`, `agency`, `doc_no`, `note`,
    /// `outcome`, `extension_days`, `duplicate_of`), and which of them are required.
    pub inputs: Vec<String>,
    pub required: Vec<String>,
    /// For `resolve`: the outcomes this petition's resolution can have.
    pub outcomes: Vec<Choice>,
    /// How the form names the document number (e.g. "Số quyết định giải quyết").
    pub doc_label: Option<String>,
    /// What the move does to the petition's time, said on its form before it is saved
    /// (e.g. an extension's new length), citing the rule.
    pub effect: Option<String>,
}

/// Everything the petition page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PetitionDetail {
    pub petition: Petition,
    pub moves: Vec<PetitionMove>,
    pub options: Vec<MoveOption>,
    /// The move that "Hủy bước vừa ghi" would undo, if any.
    pub undoable: Option<PetitionMove>,
    pub history: Vec<ChangeView>,
}

/// One field of a change, as the history shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldChange {
    pub field: String,
    pub label: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// A change record, as the history on a record shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChangeView {
    pub id: String,
    pub at: String,
    pub actor: Actor,
    pub action: ChangeAction,
    pub table: String,
    pub record_id: String,
    pub note: Option<String>,
    /// For a change brought by an exchange file: the file it came from.
    pub source: Option<String>,
    /// The account that made it (none before accounts).
    #[serde(default)]
    #[ts(optional)]
    pub user: Option<String>,
    pub fields: Vec<FieldChange>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct PetitionFilter {
    #[serde(default)]
    pub kind: Option<PetitionKind>,
    #[serde(default)]
    pub status: Option<PetitionStatus>,
    #[serde(default)]
    pub field_code: Option<String>,
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub state: Option<PetitionState>,
    #[serde(default)]
    pub urgency: Option<Urgency>,
}

/// A petition as a picker lists it (`Store::petition_choices`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PetitionChoice {
    pub id: String,
    /// Yearly number, `12/2026` (with the unit for one numbered by another register).
    pub number: String,
    pub content: String,
    /// Who signed it, in order: a denunciator's name is masked as in every list.
    pub petitioners: Vec<String>,
    /// The petition it repeats, if marked a duplicate.
    pub duplicate_of: Option<String>,
    /// The first round it names, if a second-round complaint (it cannot be a first round).
    #[serde(default)]
    pub first_round_id: Option<String>,
}

/// One page of the petitions list (Đơn thư): how many petitions match the filter, and the
/// views of those from `offset` on (the newest first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PetitionPage {
    pub total: u32,
    pub offset: u32,
    pub petitions: Vec<Petition>,
}

/// A visit as a person's or a case's page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VisitRef {
    pub visit_id: String,
    pub session_id: String,
    pub date: String,
    pub seq: u32,
    pub content: String,
}

/// A case (vụ việc) as offered by the lookup.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CaseSummary {
    pub id: String,
    pub summary: String,
    pub first_received_on: String,
    pub last_received_on: String,
    pub visits: u32,
    pub petitions: u32,
    /// The kind and field of its latest visit or petition, to pre-fill a new visit about it.
    pub kind: Option<PetitionKind>,
    pub field_code: Option<String>,
}

/// A person found by the lookup, with their earlier cases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PersonMatch {
    pub person: Person,
    pub cases: Vec<CaseSummary>,
}

/// Label and code of an enum value, for pickers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Choice {
    pub code: String,
    pub label: String,
}

/// Every picker's choices, from the core, so the UI never spells a label itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Catalogue {
    pub session_kinds: Vec<Choice>,
    pub host_groups: Vec<Choice>,
    pub petition_kinds: Vec<Choice>,
    pub handlings: Vec<Choice>,
    pub petition_sources: Vec<Choice>,
    pub petition_statuses: Vec<Choice>,
    pub id_kinds: Vec<Choice>,
    pub period_presets: Vec<Choice>,
    pub complaint_groups: Vec<Choice>,
    pub denunciation_groups: Vec<Choice>,
    pub proposal_groups: Vec<Choice>,
    pub petition_states: Vec<Choice>,
    pub move_actions: Vec<Choice>,
    pub outcomes: Vec<Choice>,
    pub signers: Vec<Choice>,
    pub competences: Vec<Choice>,
    pub rounds: Vec<Choice>,
    pub urgencies: Vec<Choice>,
    pub actors: Vec<Choice>,
    pub change_actions: Vec<Choice>,
    pub day_kinds: Vec<Choice>,
    pub search_kinds: Vec<Choice>,
    pub reporting_periods: Vec<Choice>,
    /// The files the office files (Sổ, the six tables, the report), by CLI name.
    pub forms: Vec<Choice>,
    /// Each deadline setting: its key in `DeadlineSettings`, label and the rule behind it.
    pub deadline_settings: Vec<SettingInfo>,
    pub fields: Vec<Field>,
}

/// What a setting is, in words, and which rule its default comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SettingInfo {
    pub key: String,
    pub label: String,
    pub rule: String,
}

pub fn choices<T: Copy>(
    all: &[T],
    code: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> &'static str,
) -> Vec<Choice> {
    all.iter()
        .map(|&v| Choice {
            code: code(v).to_string(),
            label: label(v).to_string(),
        })
        .collect()
}

/// What the report (Mẫu số 02) and the files need of the office (Nghị định 30/2020/NĐ-CP
/// layout), and the reporting rules the sources leave uncertain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReportSettings {
    /// The place of the date line: "Việt Hòa" in "Việt Hòa, ngày 15 tháng 12 năm 2026".
    pub place: String,
    /// Who signs for the body: "TM. ỦY BAN NHÂN DÂN" (or "KT. CHỦ TỊCH").
    pub signer_authority: String,
    /// "CHỦ TỊCH" (or "PHÓ CHỦ TỊCH").
    pub signer_title: String,
    pub signer_name: String,
    /// "Nơi nhận", one line each ("- UBND thành phố;", "- Lưu: VT.").
    pub recipients: String,
    /// The chairman's least reception days per month from 01/7/2026: the 2025 draft said
    /// 2 days a month; the final rule is not settled (domain.md §4), so it is a setting.
    pub chairman_days_per_month: u32,
    /// Where exported files are written; empty: the documents folder.
    pub export_dir: String,
}

impl Default for ReportSettings {
    fn default() -> Self {
        ReportSettings {
            place: String::new(),
            signer_authority: "TM. ỦY BAN NHÂN DÂN".to_string(),
            signer_title: "CHỦ TỊCH".to_string(),
            signer_name: String::new(),
            recipients:
                "- UBND tỉnh (qua Thanh tra tỉnh);\n- Thường trực Đảng ủy, HĐND;\n- Lưu: VT."
                    .to_string(),
            chairman_days_per_month: 2,
            export_dir: String::new(),
        }
    }
}

/// Settings an office can change (UNCERTAIN rules become settings).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Settings {
    /// "phường Việt Hòa": used in report sentences.
    pub unit_name: String,
    /// Name of the ward's reception team, "Ban tiếp công dân".
    pub reception_team_name: String,
    /// Whether the first start already offered the sample data.
    pub sample_offered: bool,
    pub deadlines: DeadlineSettings,
    #[serde(default)]
    pub report: ReportSettings,
}

/// What the desktop shell tells the UI at start.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub db_path: String,
    pub schema_version: u32,
    /// Nothing recorded yet: the first start offers the sample data.
    pub is_empty: bool,
    /// The sample data is still in the register (Cài đặt offers to remove it).
    pub has_sample: bool,
    pub today: String,
    pub settings: Settings,
}
