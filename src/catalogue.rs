//! The choices of every picker, labelled in Vietnamese by the core.

use crate::domain::*;
use crate::error::Result;
use crate::store::Store;

pub fn catalogue(store: &Store) -> Result<Catalogue> {
    Ok(Catalogue {
        session_kinds: choices(SessionKind::ALL, SessionKind::code, SessionKind::label),
        host_groups: choices(HostGroup::ALL, HostGroup::code, HostGroup::label),
        petition_kinds: choices(PetitionKind::ALL, PetitionKind::code, PetitionKind::label),
        handlings: choices(Handling::ALL, Handling::code, Handling::label),
        petition_sources: choices(
            PetitionSource::ALL,
            PetitionSource::code,
            PetitionSource::label,
        ),
        petition_statuses: choices(
            PetitionStatus::ALL,
            PetitionStatus::code,
            PetitionStatus::label,
        ),
        id_kinds: choices(IdKind::ALL, IdKind::code, IdKind::label),
        period_presets: choices(PeriodPreset::ALL, PeriodPreset::code, PeriodPreset::label),
        complaint_groups: choices(
            ComplaintGroup::ALL,
            ComplaintGroup::code,
            ComplaintGroup::label,
        ),
        denunciation_groups: choices(
            DenunciationGroup::ALL,
            DenunciationGroup::code,
            DenunciationGroup::label,
        ),
        proposal_groups: choices(
            ProposalGroup::ALL,
            ProposalGroup::code,
            ProposalGroup::label,
        ),
        petition_states: choices(
            PetitionState::ALL,
            PetitionState::code,
            PetitionState::label,
        ),
        move_actions: choices(MoveAction::ALL, MoveAction::code, MoveAction::label),
        outcomes: choices(Outcome::ALL, Outcome::code, Outcome::label),
        signers: choices(Signers::ALL, Signers::code, Signers::label),
        competences: choices(Competence::ALL, Competence::code, Competence::label),
        rounds: choices(Round::ALL, Round::code, Round::label),
        urgencies: choices(Urgency::ALL, Urgency::code, Urgency::label),
        actors: choices(Actor::ALL, Actor::code, Actor::label),
        change_actions: choices(ChangeAction::ALL, ChangeAction::code, ChangeAction::label),
        day_kinds: crate::law::calendar::DayKind::ALL
            .iter()
            .map(|k| Choice {
                code: k.code().to_string(),
                label: k.label().to_string(),
            })
            .collect(),
        search_kinds: choices(
            crate::desk::intake::SearchKind::ALL,
            crate::desk::intake::SearchKind::code,
            crate::desk::intake::SearchKind::label,
        ),
        reporting_periods: choices(
            ReportingPeriod::ALL,
            ReportingPeriod::code,
            ReportingPeriod::label,
        ),
        forms: choices(
            crate::forms::FormId::ALL,
            crate::forms::FormId::code,
            crate::forms::FormId::label,
        ),
        deadline_settings: crate::law::deadlines::SETTINGS
            .iter()
            .map(|(key, label, rule)| SettingInfo {
                key: key.to_string(),
                label: label.to_string(),
                rule: rule.to_string(),
            })
            .collect(),
        fields: store.fields()?,
    })
}
