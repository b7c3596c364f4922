//! Domain types: the words of the glossary in `design.md`, one name per idea.
//! Dates are ISO `YYYY-MM-DD` strings at the boundary; the core parses and checks them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

macro_rules! text_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident => $code:literal, $label:literal;)+ }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS, schemars::JsonSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

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
    /// Simple status; the full lifecycle comes later (see `petition_events`).
    PetitionStatus {
        Open => "open", "Đang xử lý";
        Closed => "closed", "Đã xong";
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
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
pub struct Person {
    pub id: String,
    pub full_name: String,
    pub id_kind: IdKind,
    pub id_number: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
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
    #[serde(default)]
    pub field_code: Option<String>,
    pub content: String,
    #[serde(default)]
    pub respondent: Option<String>,
    #[serde(default)]
    pub handling: HandlingInput,
    #[serde(default)]
    pub classification: Classification,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewVisit {
    pub session_id: String,
    pub persons: Vec<PersonInput>,
    /// How many came; at least the number of named persons.
    pub headcount: u32,
    /// Đoàn đông người; `None` means: decide by the threshold setting.
    #[serde(default)]
    pub delegation: Option<bool>,
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
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Visit {
    pub id: String,
    pub session_id: String,
    pub seq: u32,
    pub headcount: u32,
    pub delegation: bool,
    pub content: String,
    pub kind: Option<PetitionKind>,
    pub field_code: Option<String>,
    pub handling: HandlingInput,
    pub case_id: String,
    pub chairman_joined: bool,
    pub persons: Vec<Person>,
    /// Number of the petition handed in at this visit, if any (`12/2026`).
    pub petition_number: Option<String>,
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
    pub field_code: Option<String>,
    pub content: String,
    pub anonymous: bool,
    pub petitioners: Vec<Person>,
    pub respondent: Option<String>,
    pub handling: HandlingInput,
    pub classification: Classification,
    pub status: PetitionStatus,
    pub case_id: String,
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
}

/// A person found by the lookup, with their earlier cases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PersonMatch {
    pub person: Person,
    pub cases: Vec<CaseSummary>,
}

/// Label and code of an enum value, for pickers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
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
    pub fields: Vec<Field>,
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

/// Settings an office can change (UNCERTAIN rules become settings).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Settings {
    /// "phường Việt Hòa": used in report sentences.
    pub unit_name: String,
    /// Name of the ward's reception team, "Ban tiếp công dân".
    pub reception_team_name: String,
    /// Đoàn đông người from this headcount on (default 5).
    pub delegation_threshold: u32,
    /// Whether the first start already offered the sample data.
    pub sample_offered: bool,
}

/// What the desktop shell tells the UI at start.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub db_path: String,
    pub schema_version: u32,
    /// Nothing recorded yet: the first start offers the sample data.
    pub is_empty: bool,
    pub today: String,
    pub settings: Settings,
}
