//! TypeScript bindings of every IPC type, generated from the Rust types by ts-rs into
//! `ui/src/lib/bindings/`. `tests/bindings.rs` fails when the committed files are stale;
//! `UPDATE_BINDINGS=1 cargo test --test bindings` rewrites them.

use std::path::Path;

use ts_rs::{Config, TS};

use crate::access::{AccessInfo, Permission, Role, SignedIn};
use crate::demo::DemoSummary;
use crate::desk::account::{Account, AccountInput};
use crate::desk::admin::{
    AuditEntry, AuditFilter, BackupInfo, BackupMade, RegisterHoldings, RestorePreview,
};
use crate::desk::intake::{
    CaseDetail, PersonDetail, PersonSuggestion, PetitionProbe, PetitionSuggestion, SearchHit,
};
use crate::desk::person::PersonMerge;
use crate::desk::reporting::ManualFigure;
use crate::desk::sample::SampleRemoval;
use crate::desk::session::Warning;
use crate::desk::settings::CalendarYear;
use crate::domain::*;
use crate::error::ErrorDto;
use crate::forms::{FormId, FormTable, RegisterBook};
use crate::law::calendar::CalendarDay;
use crate::period::PeriodRange;
use crate::report::document::ReportDocument;
use crate::report::{Dashboard, PeriodReport};
use crate::store::{AuditCheck, IntegrityCheck, PeriodLock};

/// Write the bindings of every IPC type (and their dependencies) into `dir`.
pub fn export_all(dir: &Path) -> Result<(), ts_rs::ExportError> {
    let cfg = Config::new().with_out_dir(dir);
    AppInfo::export_all(&cfg)?;
    IntegrityCheck::export_all(&cfg)?;
    Catalogue::export_all(&cfg)?;
    NewSession::export_all(&cfg)?;
    NewVisit::export_all(&cfg)?;
    SessionView::export_all(&cfg)?;
    NewPetition::export_all(&cfg)?;
    Petition::export_all(&cfg)?;
    PetitionFilter::export_all(&cfg)?;
    PetitionPage::export_all(&cfg)?;
    PetitionChoice::export_all(&cfg)?;
    PersonMatch::export_all(&cfg)?;
    PeriodReport::export_all(&cfg)?;
    Dashboard::export_all(&cfg)?;
    DemoSummary::export_all(&cfg)?;
    ErrorDto::export_all(&cfg)?;
    PeriodRange::export_all(&cfg)?;
    PeriodPreset::export_all(&cfg)?;
    PetitionStatus::export_all(&cfg)?;
    PetitionState::export_all(&cfg)?;
    MoveInput::export_all(&cfg)?;
    PetitionDetail::export_all(&cfg)?;
    ChangeView::export_all(&cfg)?;
    PersonInput::export_all(&cfg)?;
    Choice::export_all(&cfg)?;
    Warning::export_all(&cfg)?;
    PersonDetail::export_all(&cfg)?;
    PersonMerge::export_all(&cfg)?;
    PersonSuggestion::export_all(&cfg)?;
    PetitionProbe::export_all(&cfg)?;
    PetitionSuggestion::export_all(&cfg)?;
    SearchHit::export_all(&cfg)?;
    CaseDetail::export_all(&cfg)?;
    CalendarYear::export_all(&cfg)?;
    CalendarDay::export_all(&cfg)?;
    SampleRemoval::export_all(&cfg)?;
    FormId::export_all(&cfg)?;
    FormTable::export_all(&cfg)?;
    RegisterBook::export_all(&cfg)?;
    ReportDocument::export_all(&cfg)?;
    ManualFigure::export_all(&cfg)?;
    PeriodLock::export_all(&cfg)?;
    AuditCheck::export_all(&cfg)?;
    AccessInfo::export_all(&cfg)?;
    SignedIn::export_all(&cfg)?;
    Role::export_all(&cfg)?;
    Permission::export_all(&cfg)?;
    Account::export_all(&cfg)?;
    AccountInput::export_all(&cfg)?;
    AuditEntry::export_all(&cfg)?;
    AuditFilter::export_all(&cfg)?;
    BackupInfo::export_all(&cfg)?;
    BackupMade::export_all(&cfg)?;
    RegisterHoldings::export_all(&cfg)?;
    RestorePreview::export_all(&cfg)?;
    ReportingPeriod::export_all(&cfg)?;
    crate::export::job::ExportDone::export_all(&cfg)?;
    crate::export::job::ExportProgress::export_all(&cfg)?;
    std::fs::write(dir.join("ErrorCode.ts"), crate::error::error_codes_ts())
        .map_err(ts_rs::ExportError::Io)?;
    Ok(())
}
