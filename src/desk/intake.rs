//! Intake help and finding things: likely matches for a person or a petition being
//! entered, one search box over every record, and the pages of a person and a case.

use std::collections::{BTreeSet, HashSet};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::person::{kept_id, PersonMerge};
use crate::domain::*;
use crate::error::{Error, Result};
use crate::records::PetitionRecord;
use crate::store::{self, Store};
use crate::text::{clean, fts_prefix_query, strip, vn_date};

/// A person already in the register who may be the one being entered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PersonSuggestion {
    pub person: Person,
    /// Why it is proposed ("Cùng số giấy tờ…", "Cùng họ tên, địa chỉ gần giống").
    pub reason: String,
    pub cases: Vec<CaseSummary>,
}

/// What is known of a petition being entered.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct PetitionProbe {
    #[serde(default)]
    pub kind: Option<PetitionKind>,
    pub content: String,
    #[serde(default)]
    pub respondent: Option<String>,
    /// The petitioners already picked (existing persons).
    #[serde(default)]
    pub person_ids: Vec<String>,
    /// The petition itself, when it is being corrected.
    #[serde(default)]
    pub exclude_id: Option<String>,
}

/// A petition already in the register that the one being entered may repeat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PetitionSuggestion {
    pub petition: Petition,
    pub reason: String,
    /// Still being handled, and not itself a duplicate: the new one is its đơn trùng.
    pub can_be_duplicate_of: bool,
    /// Signed by one of the probe's persons: a resend by the same citizen, the likeliest
    /// original (the move form preselects only such a one).
    pub same_petitioner: bool,
}

text_enum!(
    /// What a search hit is.
    SearchKind {
        Person => "person", "Công dân";
        Petition => "petition", "Đơn";
        Visit => "visit", "Lượt tiếp";
        Case => "case", "Vụ việc";
    }
);

/// One line of the search box's results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SearchHit {
    pub kind: SearchKind,
    pub id: String,
    pub title: String,
    pub detail: String,
    pub date: Option<String>,
    /// For a visit: its session, to open the register there.
    pub session_id: Option<String>,
}

/// A person's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PersonDetail {
    pub person: Person,
    pub cases: Vec<CaseSummary>,
    pub visits: Vec<VisitRef>,
    pub petitions: Vec<Petition>,
    /// Records merged into this one (undoable).
    pub merges: Vec<PersonMerge>,
    pub history: Vec<ChangeView>,
}

/// A case's page: every visit and petition about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CaseDetail {
    pub id: String,
    pub summary: String,
    pub opened_on: String,
    pub visits: Vec<VisitRef>,
    pub petitions: Vec<Petition>,
}

/// The words of a text, folded and stripped of marks, for comparing contents.
fn words(text: &str) -> BTreeSet<String> {
    strip(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_string)
        .collect()
}

/// How much of the shorter text the longer one repeats (0..1), and the common words.
fn overlap(a: &BTreeSet<String>, b: &BTreeSet<String>) -> (f64, usize) {
    let common = a.intersection(b).count();
    let shorter = a.len().min(b.len());
    if shorter == 0 {
        (0.0, 0)
    } else {
        (common as f64 / shorter as f64, common)
    }
}

fn similar(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    let (share, common) = overlap(a, b);
    share >= 0.6 && common >= 3
}

/// Whether two identity numbers name two citizens: both are 12-digit personal
/// identification numbers (số định danh cá nhân, on the căn cước and the 12-digit CMND:
/// one per citizen, never reused, under Luật Căn cước 2023) and differ. A 9-digit CMND, a
/// passport, or no number leaves the same name a possible match (an old card, a new one).
fn other_citizen(typed: Option<&str>, held: Option<&str>) -> bool {
    let personal = |n: &str| n.len() == 12 && n.bytes().all(|b| b.is_ascii_digit());
    match (typed, held) {
        (Some(a), Some(b)) => personal(a) && personal(b) && a != b,
        _ => false,
    }
}

fn short(text: &str, n: usize) -> String {
    let mut out: String = text.chars().take(n).collect();
    if text.chars().count() > n {
        out.push('…');
    }
    out
}

impl Store {
    /// Persons who may be the one being entered: the same identity number; the same name
    /// (diacritics and case aside), with a similar address first.
    pub fn suggest_persons(&self, input: &PersonInput) -> Result<Vec<PersonSuggestion>> {
        self.require(crate::access::Permission::ViewRecords)?;
        let conn = self.conn();
        let mut out: Vec<(u8, PersonSuggestion)> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        if let Some(id) = &input.existing_id {
            seen.insert(kept_id(conn, id)?);
        }
        if let Some(n) = clean(&input.id_number) {
            if let Some(holder) = store::person_by_number(conn, &n)? {
                let id = kept_id(conn, &holder.id)?;
                if seen.insert(id.clone()) {
                    out.push((
                        0,
                        PersonSuggestion {
                            person: self.person(&id)?,
                            reason: format!("Cùng số giấy tờ {n}"),
                            cases: vec![],
                        },
                    ));
                }
            }
        }
        let name = strip(&input.full_name);
        if let Some(fts) =
            fts_prefix_query(&input.full_name).filter(|_| name.split_whitespace().count() >= 2)
        {
            let address = words(input.address.as_deref().unwrap_or(""));
            let typed = clean(&input.id_number);
            for id in store::persons_by_name(conn, &fts, 20)? {
                let person = self.person(&id)?;
                if strip(&person.full_name) != name
                    || other_citizen(typed.as_deref(), person.id_number.as_deref())
                    || !seen.insert(id.clone())
                {
                    continue;
                }
                let theirs = words(person.address.as_deref().unwrap_or(""));
                let (share, common) = overlap(&address, &theirs);
                let (rank, reason) = if !address.is_empty() && share >= 0.5 && common >= 2 {
                    (1, "Cùng họ tên, địa chỉ gần giống")
                } else {
                    (2, "Cùng họ tên")
                };
                out.push((
                    rank,
                    PersonSuggestion {
                        person,
                        reason: reason.to_string(),
                        cases: vec![],
                    },
                ));
            }
        }
        out.sort_by_key(|(rank, _)| *rank);
        out.into_iter()
            .take(5)
            .map(|(_, mut s)| {
                s.cases = self.find_persons_cases(&s.person.id)?;
                Ok(s)
            })
            .collect()
    }

    fn find_persons_cases(&self, person_id: &str) -> Result<Vec<CaseSummary>> {
        crate::store::cases_of_person(self.conn(), person_id)
    }

    /// Petitions the one being entered may repeat: the same respondent, or the same
    /// petitioner, with a similar content; those still open first (a repeat of an open
    /// petition is a duplicate, đơn trùng).
    pub fn suggest_petitions(&self, probe: &PetitionProbe) -> Result<Vec<PetitionSuggestion>> {
        self.require(crate::access::Permission::ViewRecords)?;
        let conn = self.conn();
        let content = words(&probe.content);
        if content.len() < 3 {
            return Ok(vec![]);
        }
        let mut candidates: Vec<String> = Vec::new();
        let query = content
            .iter()
            .map(|w| format!("\"{w}\""))
            .collect::<Vec<_>>()
            .join(" OR ");
        for (kind, id) in store::records_matching(conn, &query, 60)? {
            if kind == "petition" {
                candidates.push(id);
            }
        }
        for pid in &probe.person_ids {
            candidates.extend(store::petitions_of_person(conn, &kept_id(conn, pid)?)?);
        }
        let respondent = probe
            .respondent
            .as_deref()
            .map(strip)
            .filter(|r| !r.is_empty());
        let persons: HashSet<String> = probe
            .person_ids
            .iter()
            .map(|p| kept_id(conn, p))
            .collect::<Result<_>>()?;
        let mut seen = HashSet::new();
        let mut out: Vec<(bool, bool, f64, PetitionSuggestion)> = Vec::new();
        for id in candidates {
            if Some(&id) == probe.exclude_id.as_ref() || !seen.insert(id.clone()) {
                continue;
            }
            let Some(p) = store::get_petition(conn, &id)? else {
                continue;
            };
            let theirs = words(&p.content);
            let (share, _) = overlap(&content, &theirs);
            let close = similar(&content, &theirs);
            let same_respondent =
                respondent.is_some() && p.respondent.as_deref().map(strip) == respondent;
            let same_person = p.petitioner_ids.iter().any(|x| persons.contains(x));
            let reason = if same_person && close {
                "Cùng người đứng đơn, nội dung tương tự"
            } else if same_respondent && close {
                "Cùng người bị khiếu nại, tố cáo và nội dung tương tự"
            } else if share >= 0.8 && close {
                "Nội dung gần giống"
            } else {
                continue;
            };
            let open = p.state.is_open();
            let can = open && p.duplicate_of.is_none();
            let view = self.petition(&id)?;
            out.push((
                open,
                same_person,
                share,
                PetitionSuggestion {
                    petition: view,
                    reason: reason.to_string(),
                    can_be_duplicate_of: can,
                    same_petitioner: same_person,
                },
            ));
        }
        // Open first, then the same citizen's (a resend), then the closest content: a
        // petition about the same respondent by someone else is not the likeliest original.
        out.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(b.2.total_cmp(&a.2)));
        Ok(out.into_iter().take(5).map(|(_, _, _, s)| s).collect())
    }

    /// One search box over every record: persons (name, ID number), petitions (number,
    /// name, content), visits and cases, diacritics-blind.
    pub fn search(&self, query: &str, limit: u32) -> Result<Vec<SearchHit>> {
        self.require(crate::access::Permission::ViewRecords)?;
        let conn = self.conn();
        let q = query.trim();
        let mut hits = Vec::new();
        if q.is_empty() {
            return Ok(hits);
        }
        // "12" or "12/2026": a petition number.
        let number = match q.split_once('/') {
            Some((n, y)) => n.parse::<u32>().ok().zip(y.parse::<i32>().ok().map(Some)),
            None => q.parse::<u32>().ok().map(|n| (n, None)),
        };
        if let Some((n, year)) = number.filter(|(n, _)| *n > 0) {
            for id in store::petitions_by_number(conn, n, year)? {
                hits.push(self.petition_hit(&id)?);
            }
        }
        let digits = q.chars().all(|c| c.is_ascii_digit());
        let persons = if digits {
            if q.len() >= 3 {
                let mut ids = store::persons_by_number_prefix(conn, q, limit)?;
                ids.extend(store::persons_by_phone_prefix(conn, q, limit)?);
                ids
            } else {
                vec![]
            }
        } else {
            match fts_prefix_query(q) {
                Some(fts) => store::persons_by_name_or_address(conn, &fts, limit)?,
                None => vec![],
            }
        };
        let mut seen = HashSet::new();
        for id in persons {
            let id = kept_id(conn, &id)?;
            if seen.insert(id.clone()) {
                let p = self.person(&id)?;
                // Only a denunciator's whole number finds them (masked): never a name, a
                // phone number or part of a number.
                if p.masked && !crate::desk::privacy::found_by_whole_number(conn, &id, q)? {
                    continue;
                }
                let mut detail = vec![];
                if let Some(n) = &p.id_number {
                    detail.push(format!("{} {n}", p.id_kind.label()));
                }
                if let Some(a) = &p.address {
                    detail.push(a.clone());
                }
                hits.push(SearchHit {
                    kind: SearchKind::Person,
                    id,
                    title: p.full_name,
                    detail: detail.join(" · "),
                    date: None,
                    session_id: None,
                });
            }
        }
        if !digits {
            if let Some(fts) = fts_prefix_query(q) {
                for (kind, id) in store::records_matching(conn, &fts, limit)? {
                    let hit = match kind.as_str() {
                        "petition" => Some(self.petition_hit(&id)?),
                        "visit" => self.visit_hit(&id)?,
                        "case" => match store::get_case(conn, &id)? {
                            Some(c) => {
                                let opened =
                                    store::case_first_day(conn, &c.id)?.unwrap_or(c.opened_on);
                                Some(SearchHit {
                                    kind: SearchKind::Case,
                                    id: c.id,
                                    title: short(&c.summary, 80),
                                    detail: format!("Vụ việc mở ngày {}", vn_date(&opened)),
                                    date: Some(opened),
                                    session_id: None,
                                })
                            }
                            None => None,
                        },
                        _ => None,
                    };
                    // A petition or a visit of a denunciator found by words of the
                    // name alone would tell who denounced: it is found by its content.
                    let hit = if hit.is_some() && self.found_by_name_only(&kind, &id, q)? {
                        None
                    } else {
                        hit
                    };
                    if let Some(hit) = hit {
                        if !hits.iter().any(|h| h.kind == hit.kind && h.id == hit.id) {
                            hits.push(hit);
                        }
                    }
                }
            }
        }
        Ok(hits)
    }

    /// Whether a petition's or a visit's search hit has a masked person and the query's
    /// words are not all in its content (so it matched by the masked name).
    fn found_by_name_only(&self, kind: &str, id: &str, query: &str) -> Result<bool> {
        let conn = self.conn();
        let (content, persons) = match kind {
            // Its content and its respondent (the person denounced, never the denunciator):
            // what the search index holds of it besides the petitioners' names.
            "petition" => match store::get_petition(conn, id)? {
                Some(p) => (
                    format!("{} {}", p.content, p.respondent.unwrap_or_default()),
                    p.petitioner_ids,
                ),
                None => return Ok(false),
            },
            "visit" => match store::get_visit(conn, id)? {
                Some(v) => (v.content, v.person_ids),
                None => return Ok(false),
            },
            _ => return Ok(false),
        };
        let mut masked = false;
        for p in &persons {
            masked |= crate::desk::privacy::is_confidential(conn, p)?;
        }
        if !masked {
            return Ok(false);
        }
        // Diacritics aside, as the search box matches ("dia chinh" finds "địa chính").
        let content = crate::text::strip(&content);
        let words: Vec<&str> = content.split(|c: char| !c.is_alphanumeric()).collect();
        Ok(!crate::text::strip(query)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|q| words.iter().any(|w| w.starts_with(q))))
    }

    fn petition_hit(&self, id: &str) -> Result<SearchHit> {
        let p = store::get_petition(self.conn(), id)?.ok_or_else(|| Error::not_found("đơn", id))?;
        let names: Vec<String> = p
            .petitioner_ids
            .iter()
            .filter_map(|pid| self.person(pid).ok().map(|x| x.full_name))
            .collect();
        let number = store::number_label(self.conn(), &p)?;
        Ok(SearchHit {
            kind: SearchKind::Petition,
            id: p.id,
            title: format!(
                "Đơn số {} · {} · {}",
                number,
                p.kind.label(),
                p.state.label()
            ),
            detail: [short(&p.content, 100), names.join(", ")]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · "),
            date: Some(p.received_on),
            session_id: None,
        })
    }

    fn visit_hit(&self, id: &str) -> Result<Option<SearchHit>> {
        let conn = self.conn();
        let Some(v) = store::get_visit(conn, id)? else {
            return Ok(None);
        };
        let Some(s) = store::get_session(conn, &v.session_id)? else {
            return Ok(None);
        };
        let names: Vec<String> = v
            .person_ids
            .iter()
            .filter_map(|pid| self.person(pid).ok().map(|x| x.full_name))
            .collect();
        Ok(Some(SearchHit {
            kind: SearchKind::Visit,
            id: v.id,
            title: format!(
                "Lượt tiếp thứ {} ngày {} · {}",
                v.seq,
                vn_date(&s.date),
                s.host_group.label()
            ),
            detail: [short(&v.content, 100), names.join(", ")]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · "),
            date: Some(s.date),
            session_id: Some(s.id),
        }))
    }

    /// A person's page: particulars, cases, visits, petitions, merges and history.
    pub fn person_detail(&self, id: &str) -> Result<PersonDetail> {
        self.require(crate::access::Permission::ViewRecords)?;
        let conn = self.conn();
        let person = self.person(id)?;
        let petitions = store::petitions_of_person(conn, id)?
            .iter()
            .map(|p| self.petition(p))
            .collect::<Result<_>>()?;
        Ok(PersonDetail {
            cases: store::cases_of_person(conn, id)?,
            visits: store::visits_of_person(conn, id)?,
            petitions,
            merges: self.merges_into(id)?,
            history: self.history("persons", id)?,
            person,
        })
    }

    /// A case's page: its visits and petitions.
    pub fn case_detail(&self, id: &str) -> Result<CaseDetail> {
        self.require(crate::access::Permission::ViewRecords)?;
        let conn = self.conn();
        let case = store::get_case(conn, id)?.ok_or_else(|| Error::not_found("vụ việc", id))?;
        let petitions = store::petitions_of_case(conn, id)?
            .iter()
            .map(|p| self.petition(p))
            .collect::<Result<_>>()?;
        Ok(CaseDetail {
            opened_on: store::case_first_day(conn, id)?.unwrap_or(case.opened_on),
            id: case.id,
            summary: case.summary,
            visits: store::visits_of_case(conn, id)?,
            petitions,
        })
    }

    /// The petitions that need attention: overdue first (earliest due first), then due
    /// soon, then those whose deadline cannot be computed, then those waiting to be
    /// classified (the order of [`NeedingAction`]).
    pub fn petitions_needing_action(&self) -> Result<Vec<Petition>> {
        self.require(crate::access::Permission::ViewRecords)?;
        Ok(self.needing_action(None, true)?.petitions)
    }

    /// The "Cần xử lý" queue, counted over every open petition; the views of its first
    /// `top` petitions (all if `None`), or none if `views` is false (a role that sees the
    /// counts only). Ranked from each open petition's kept next due day when it can be
    /// (`store::due_fast`), else from every open petition's moves in a few set-based
    /// queries; only the petitions shown get their petitioners and numbers read.
    pub(crate) fn needing_action(&self, top: Option<usize>, views: bool) -> Result<NeedingAction> {
        let calendar = self.calendar()?;
        let settings = self.settings()?.deadlines;
        let today = self.today();
        let conn = self.conn();
        // The petitions, their moves and their petitioners as of one moment (kept to the
        // end of the function). Ranking and counting need no petitioner.
        let _snapshot = self.read_snapshot()?;
        let mut queue: Vec<Queued> = Vec::new();
        let mut counts = QueueCounts::default();
        let queued = |rank, r: store::DueRow| Queued {
            rank,
            due: r.due_next,
            received_on: r.received_on,
            year: r.year,
            number: r.number,
            id: r.id,
            built: None,
        };
        let top_asked = if views { top } else { Some(0) };
        if let Some(kept) = store::queue_fast(conn, today, &calendar, &settings, top_asked)? {
            // Ranked and counted by SQL from each open petition's kept next due day,
            // without reading a move; only the first `top` come out. A petition whose
            // kept day is stale is ranked here from its moves, and may be among them.
            counts = QueueCounts {
                total: kept.total,
                overdue: kept.overdue,
                due_soon: kept.due_soon,
                waiting: kept.waiting,
            };
            queue.extend(kept.top.into_iter().map(|(rank, r)| queued(rank, r)));
            for r in kept.stale {
                let urgency = r.urgency(today, &calendar, &settings);
                if let Some(rank) = counts.rank(urgency, r.state) {
                    queue.push(queued(rank, r));
                }
            }
        } else {
            // The full way: every open petition's deadlines from its moves.
            let records = store::open_petition_records(conn)?;
            let mut events = store::events_of_open_petitions(conn)?;
            for p in records {
                let events = events.remove(&p.id).unwrap_or_default();
                let deadlines =
                    crate::law::deadlines::deadlines(&p, &events, today, &calendar, &settings);
                let urgency = crate::law::deadlines::urgency(&deadlines);
                if let Some(rank) = counts.rank(urgency, p.state) {
                    queue.push(Queued {
                        rank,
                        due: crate::law::deadlines::next_due(&deadlines)
                            .and_then(|d| d.due.clone()),
                        received_on: p.received_on.clone(),
                        year: p.year,
                        number: p.number,
                        id: p.id.clone(),
                        built: Some(Box::new((p, deadlines))),
                    });
                }
            }
        }
        // A total order: by rank, then the next due date, earliest first and none last
        // (as the window's `compareUrgency`); ties by receipt date, number, then id.
        fn key(q: &Queued) -> (u8, bool, Option<&str>, &str, i32, u32, &str) {
            (
                q.rank,
                q.due.is_none(),
                q.due.as_deref(),
                &q.received_on,
                q.year,
                q.number,
                &q.id,
            )
        }
        let shown = if views {
            // Only the first `top` are put in order (the key is a total order: ties end
            // at the id, so which petitions come first does not depend on the method).
            let order = |a: &Queued, b: &Queued| key(a).cmp(&key(b));
            if let Some(top) = top.filter(|top| *top < queue.len()) {
                if top == 0 {
                    queue.clear();
                } else {
                    queue.select_nth_unstable_by(top - 1, order);
                    queue.truncate(top);
                }
            }
            queue.sort_unstable_by(order);
            queue
        } else {
            vec![]
        };
        // Those shown, with their deadlines (read and computed here if ranked from the
        // kept day).
        let mut rows = Vec::with_capacity(shown.len());
        for q in shown {
            rows.push(match q.built {
                Some(built) => *built,
                None => {
                    let p = store::get_petition(conn, &q.id)?
                        .ok_or_else(|| crate::error::Error::not_found("đơn", q.id.clone()))?;
                    let events = store::events_of(conn, &q.id)?;
                    let deadlines =
                        crate::law::deadlines::deadlines(&p, &events, today, &calendar, &settings);
                    (p, deadlines)
                }
            });
        }
        Ok(NeedingAction {
            petitions: self.views_of(rows)?,
            total: counts.total,
            overdue: counts.overdue,
            due_soon: counts.due_soon,
            waiting: counts.waiting,
        })
    }
}

impl Store {
    /// The views of `rows` (petitions read without their petitioners, each with its
    /// deadlines), in their order, built in a few set-based reads whatever their number:
    /// their petitioners, those persons (each masked as [`Store::person`] masks), the
    /// number labels. The queue, Đơn thư's pages and its whole list build through here;
    /// one petition's page through [`Store::petition_view`] (a test holds them equal).
    pub(crate) fn views_of(&self, rows: Vec<WithDeadlines>) -> Result<Vec<Petition>> {
        let conn = self.conn();
        let petition_ids: Vec<&str> = rows.iter().map(|(p, _)| p.id.as_str()).collect();
        let mut petitioners = store::petitioners_of(conn, &petition_ids)?;
        let rows: Vec<_> = rows
            .into_iter()
            .map(|(mut p, deadlines)| {
                p.petitioner_ids = petitioners.remove(&p.id).unwrap_or_default();
                (p, deadlines)
            })
            .collect();
        let mut ids: Vec<&str> = rows
            .iter()
            .flat_map(|(p, _)| p.petitioner_ids.iter().map(String::as_str))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let confidential = crate::desk::privacy::confidential_among(conn, &ids)?;
        let mut persons = std::collections::HashMap::with_capacity(ids.len());
        for (id, mut p) in store::persons_by_ids(conn, &ids)? {
            if confidential.contains(&id) {
                crate::desk::privacy::mask(&mut p);
            }
            persons.insert(id, p);
        }
        let labels = store::NumberLabels::read(conn)?;
        rows.into_iter()
            .map(|(p, deadlines)| {
                let petitioners = p
                    .petitioner_ids
                    .iter()
                    .map(|id| {
                        persons
                            .get(id)
                            .cloned()
                            .ok_or_else(|| Error::not_found("người", id.as_str()))
                    })
                    .collect::<Result<Vec<_>>>()?;
                let number = labels.label(&p);
                self.view_of(p, number, petitioners, deadlines)
            })
            .collect()
    }
}

/// A petition's row and its deadlines, before its view is built.
pub(crate) type WithDeadlines = (PetitionRecord, Vec<Deadline>);

/// A petition of the queue: its rank and what orders it; its row and deadlines when the
/// full way computed them.
struct Queued {
    rank: u8,
    due: Option<String>,
    received_on: String,
    year: i32,
    number: u32,
    id: String,
    /// Boxed: the queue is ranked by moving these (thousands of them), not the rows.
    built: Option<Box<WithDeadlines>>,
}

/// The counts of the queue, over all of it.
#[derive(Default)]
struct QueueCounts {
    /// Every petition in the queue.
    total: u32,
    overdue: u32,
    due_soon: u32,
    waiting: u32,
}

impl QueueCounts {
    /// The petition's rank in the queue ([`queue_rank`]), counted if it is in it.
    fn rank(&mut self, urgency: Urgency, state: PetitionState) -> Option<u8> {
        let rank = queue_rank(urgency, state)?;
        self.total += 1;
        self.overdue += u32::from(urgency == Urgency::Overdue);
        self.due_soon += u32::from(urgency == Urgency::DueSoon);
        self.waiting += u32::from(state == PetitionState::Received);
        Some(rank)
    }
}

/// How many petitions of the "Cần xử lý" queue the dashboard shows (the counts are over
/// all of them).
pub const QUEUE_TOP: usize = 50;

/// The "Cần xử lý" queue: the petitions shown (in order) and the counts over all of it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NeedingAction {
    pub petitions: Vec<Petition>,
    /// How many petitions the whole queue holds.
    pub total: u32,
    pub overdue: u32,
    pub due_soon: u32,
    /// Received and not yet classified (whatever their deadlines).
    pub waiting: u32,
}

/// A petition's place in the queue: overdue, due soon, deadline unknown, waiting to be
/// classified; `None`: not in the queue.
pub(crate) fn queue_rank(urgency: Urgency, state: PetitionState) -> Option<u8> {
    match urgency {
        Urgency::Overdue => Some(0),
        Urgency::DueSoon => Some(1),
        Urgency::Unknown => Some(2),
        // Not yet classified: the officer's next step, even when nothing is due yet.
        Urgency::None if state == PetitionState::Received => Some(3),
        Urgency::None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contents_compare_by_words_without_marks() {
        let a = words("Khiếu nại quyết định xử phạt vi phạm về đất đai");
        let b = words("khieu nai quyet dinh xu phat ve dat dai");
        assert!(similar(&a, &b));
        let c = words("Đề nghị lắp đèn chiếu sáng ngõ");
        assert!(!similar(&a, &c));
        assert_eq!(crate::text::fold("Đ"), "d");
    }
}
