//! Validation verdicts: every message is Vietnamese and names the field.

use chrono::{Datelike, NaiveDate};

use crate::domain::{
    HandlingInput, IdKind, MoveInput, NewPetition, NewSession, NewVisit, PersonInput,
    PetitionSource, VisitPetitionInput,
};
use crate::error::{Error, Result};
use crate::text::{limits, line, lines, shown, tidy, tidy_optional, tidy_required, Rule};

/// The free texts of the desk's forms, each with its label and limit.
pub mod rules {
    use super::*;
    pub const FULL_NAME: Rule = line("Họ và tên", limits::NAME);
    pub const ID_NUMBER: Rule = line("Số giấy tờ", limits::ID_NUMBER);
    pub const ADDRESS: Rule = line("Địa chỉ", limits::ADDRESS);
    pub const PHONE: Rule = line("Số điện thoại", limits::PHONE);
    pub const HOST_NAME: Rule = line("Người chủ trì", limits::NAME);
    pub const PLACE: Rule = line("Địa điểm", limits::ADDRESS);
    pub const SESSION_NOTES: Rule = lines("Ghi chú", limits::NOTES);
    pub const CONTENT: Rule = lines("Nội dung", limits::CONTENT);
    pub const PETITION_CONTENT: Rule = lines("Nội dung đơn", limits::CONTENT);
    pub const AGENCY: Rule = line("Cơ quan", limits::AGENCY);
    pub const PRIOR_AGENCIES: Rule = line("Cơ quan đã giải quyết", limits::AGENCY);
    pub const SOURCE_AGENCY: Rule = line("Cơ quan chuyển đơn", limits::AGENCY);
    pub const LETTER_NO: Rule = line("Số văn bản", limits::DOC_NO);
    pub const RESPONDENT: Rule = line("Người bị khiếu nại, tố cáo", limits::AGENCY);
    pub const NOTE: Rule = lines("Ghi chú", limits::NOTES);
    pub const DOC_NO: Rule = line("Số văn bản", limits::DOC_NO);
    pub const RECORD_ID: Rule = line("Mã bản ghi", limits::ID);
    pub const FIELD_CODE: Rule = line("Mã lĩnh vực", limits::ID);
    pub const CASE_SUMMARY: Rule = lines("Nội dung vụ việc", limits::CONTENT);
}

fn at(prefix: &str, field: &str) -> String {
    if prefix.is_empty() {
        field.to_string()
    } else {
        format!("{prefix}.{field}")
    }
}

/// A reference to another record (an id, a catalogue code): trimmed, none when empty.
fn reference(field: &str, rule: Rule, value: &Option<String>) -> Result<Option<String>> {
    tidy_optional(field, rule, value)
}

/// A person as typed, its texts tidied (a name is required unless the person was picked).
pub fn tidy_person(prefix: &str, p: &PersonInput) -> Result<PersonInput> {
    let name_field = at(prefix, "full_name");
    let full_name = if p.existing_id.is_some() && !p.correct {
        tidy(&name_field, rules::FULL_NAME, &p.full_name)?.unwrap_or_default()
    } else {
        tidy_required(&name_field, rules::FULL_NAME, &p.full_name)?
    };
    Ok(PersonInput {
        existing_id: reference(&at(prefix, "existing_id"), rules::RECORD_ID, &p.existing_id)?,
        full_name,
        id_kind: p.id_kind,
        id_number: tidy_optional(&at(prefix, "id_number"), rules::ID_NUMBER, &p.id_number)?,
        address: tidy_optional(&at(prefix, "address"), rules::ADDRESS, &p.address)?,
        phone: tidy_optional(&at(prefix, "phone"), rules::PHONE, &p.phone)?,
        correct: p.correct,
    })
}

pub fn tidy_session(s: &NewSession) -> Result<NewSession> {
    Ok(NewSession {
        date: s.date.clone(),
        kind: s.kind,
        host_group: s.host_group,
        host_name: tidy_optional("host_name", rules::HOST_NAME, &s.host_name)?,
        place: tidy_optional("place", rules::PLACE, &s.place)?,
        notes: tidy_optional("notes", rules::SESSION_NOTES, &s.notes)?,
    })
}

pub fn tidy_handling(prefix: &str, h: &HandlingInput) -> Result<HandlingInput> {
    Ok(HandlingInput {
        handling: h.handling,
        agency: tidy_optional(&at(prefix, "agency"), rules::AGENCY, &h.agency)?,
        letter_no: tidy_optional(&at(prefix, "letter_no"), rules::LETTER_NO, &h.letter_no)?,
    })
}

pub fn tidy_visit_petition(prefix: &str, p: &VisitPetitionInput) -> Result<VisitPetitionInput> {
    Ok(VisitPetitionInput {
        kind: p.kind,
        contents: p.contents.clone(),
        field_code: reference(&at(prefix, "field_code"), rules::FIELD_CODE, &p.field_code)?,
        content: tidy_required(&at(prefix, "content"), rules::PETITION_CONTENT, &p.content)?,
        respondent: tidy_optional(&at(prefix, "respondent"), rules::RESPONDENT, &p.respondent)?,
        handling: tidy_handling(&at(prefix, "handling"), &p.handling)?,
        classification: p.classification.clone(),
        duplicate_of: reference(
            &at(prefix, "duplicate_of"),
            rules::RECORD_ID,
            &p.duplicate_of,
        )?,
    })
}

pub fn tidy_visit(v: &NewVisit) -> Result<NewVisit> {
    Ok(NewVisit {
        session_id: v.session_id.trim().to_string(),
        persons: v
            .persons
            .iter()
            .enumerate()
            .map(|(i, p)| tidy_person(&format!("persons[{i}]"), p))
            .collect::<Result<_>>()?,
        headcount: v.headcount,
        content: tidy_required("content", rules::CONTENT, &v.content)?,
        kind: v.kind,
        field_code: reference("field_code", rules::FIELD_CODE, &v.field_code)?,
        handling: tidy_handling("handling", &v.handling)?,
        case_id: reference("case_id", rules::RECORD_ID, &v.case_id)?,
        chairman_joined: v.chairman_joined,
        petition: v
            .petition
            .as_ref()
            .map(|p| tidy_visit_petition("petition", p))
            .transpose()?,
        prior_agencies: tidy_optional("prior_agencies", rules::PRIOR_AGENCIES, &v.prior_agencies)?,
    })
}

pub fn tidy_petition(p: &NewPetition) -> Result<NewPetition> {
    Ok(NewPetition {
        received_on: p.received_on.clone(),
        source: p.source,
        source_agency: tidy_optional("source_agency", rules::SOURCE_AGENCY, &p.source_agency)?,
        kind: p.kind,
        contents: p.contents.clone(),
        field_code: reference("field_code", rules::FIELD_CODE, &p.field_code)?,
        content: tidy_required("content", rules::PETITION_CONTENT, &p.content)?,
        anonymous: p.anonymous,
        petitioners: p
            .petitioners
            .iter()
            .enumerate()
            .map(|(i, x)| tidy_person(&format!("petitioners[{i}]"), x))
            .collect::<Result<_>>()?,
        respondent: tidy_optional("respondent", rules::RESPONDENT, &p.respondent)?,
        handling: tidy_handling("handling", &p.handling)?,
        classification: p.classification.clone(),
        case_id: reference("case_id", rules::RECORD_ID, &p.case_id)?,
        duplicate_of: reference("duplicate_of", rules::RECORD_ID, &p.duplicate_of)?,
    })
}

pub fn tidy_move(m: &MoveInput) -> Result<MoveInput> {
    let mut out = m.clone();
    out.petition_id = m.petition_id.trim().to_string();
    out.note = tidy_optional("note", rules::NOTE, &m.note)?;
    out.doc_no = tidy_optional("doc_no", rules::DOC_NO, &m.doc_no)?;
    out.agency = tidy_optional("agency", rules::AGENCY, &m.agency)?;
    out.duplicate_of = reference("duplicate_of", rules::RECORD_ID, &m.duplicate_of)?;
    if let Some(c) = &mut out.classification {
        c.field_code = reference(
            "classification.field_code",
            rules::FIELD_CODE,
            &c.field_code,
        )?;
        c.first_round_id = reference(
            "classification.first_round_id",
            rules::RECORD_ID,
            &c.first_round_id,
        )?;
    }
    Ok(out)
}

/// Parse an ISO date (`YYYY-MM-DD`), naming the field when it is not a real date.
pub fn parse_date(field: &str, label: &str, value: &str) -> Result<NaiveDate> {
    let value = value.trim();
    if value.is_empty() {
        return Err(Error::invalid(field, format!("{label}: chưa nhập ngày.")));
    }
    let shaped = value.len() == 10
        && value.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .ok()
        .filter(|d| shaped && (1900..=2999).contains(&d.year()))
        .ok_or_else(|| {
            Error::invalid(
                field,
                format!(
                    "{label}: “{}” không phải là ngày có thật (dạng NNNN-TT-NN, năm từ 1900 đến 2999).",
                    shown(value, 20)
                ),
            )
        })
}

/// A date of something that already happened: real, and not after today.
pub fn parse_past_date(
    field: &str,
    label: &str,
    value: &str,
    today: NaiveDate,
) -> Result<NaiveDate> {
    let date = parse_date(field, label, value)?;
    if date > today {
        return Err(Error::invalid(
            field,
            format!(
                "{label}: ngày {} ở tương lai (hôm nay là {}).",
                date.format("%d/%m/%Y"),
                today.format("%d/%m/%Y")
            ),
        ));
    }
    Ok(date)
}

pub fn required(field: &str, label: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::invalid(
            field,
            format!("{label} không được để trống."),
        ));
    }
    Ok(())
}

/// Check an identity number against its kind; returns the kind to store.
pub fn check_id_number(field: &str, kind: Option<IdKind>, number: Option<&str>) -> Result<IdKind> {
    let number = number.map(str::trim).filter(|s| !s.is_empty());
    let Some(number) = number else {
        return Ok(IdKind::None);
    };
    let echo = shown(number, 20);
    let kind = kind.unwrap_or(if number.len() == 9 {
        IdKind::Cmnd
    } else {
        IdKind::CanCuoc
    });
    let digits = number.chars().all(|c| c.is_ascii_digit());
    match kind {
        IdKind::None => Err(Error::invalid(
            field,
            "Số giấy tờ: đã nhập số nhưng chưa chọn loại giấy tờ.",
        )),
        IdKind::CanCuoc if !(digits && number.len() == 12) => Err(Error::invalid(
            field,
            format!("Số căn cước phải gồm đúng 12 chữ số (đã nhập “{echo}”)."),
        )),
        IdKind::Cmnd if !(digits && (number.len() == 9 || number.len() == 12)) => {
            Err(Error::invalid(
                field,
                format!("Số CMND phải gồm 9 hoặc 12 chữ số (đã nhập “{echo}”)."),
            ))
        }
        IdKind::Passport
            if !(6..=12).contains(&number.len())
                || !number.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            Err(Error::invalid(
                field,
                format!("Số hộ chiếu phải gồm 6 đến 12 chữ cái hoặc chữ số (đã nhập “{echo}”)."),
            ))
        }
        kind => Ok(kind),
    }
}

/// A phone number: digits with the usual separators, 8 to 15 digits.
fn check_phone(field: &str, phone: Option<&str>) -> Result<()> {
    let Some(phone) = phone.map(str::trim).filter(|p| !p.is_empty()) else {
        return Ok(());
    };
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let allowed = phone
        .chars()
        .all(|c| c.is_ascii_digit() || " .-+()".contains(c));
    if !allowed || !(8..=15).contains(&digits) {
        return Err(Error::invalid(
            field,
            format!(
                "Số điện thoại “{}” không hợp lệ: chỉ gồm chữ số (8 đến 15 số).",
                shown(phone, 20)
            ),
        ));
    }
    Ok(())
}

pub fn check_person(prefix: &str, person: &PersonInput) -> Result<IdKind> {
    if person.existing_id.is_none() {
        required(
            &format!("{prefix}.full_name"),
            "Họ và tên",
            &person.full_name,
        )?;
    }
    check_phone(&format!("{prefix}.phone"), person.phone.as_deref())?;
    check_id_number(
        &format!("{prefix}.id_number"),
        person.id_kind,
        person.id_number.as_deref(),
    )
}

pub fn check_session(input: &NewSession, today: NaiveDate) -> Result<NaiveDate> {
    let date = parse_past_date("date", "Ngày tiếp", &input.date, today)?;
    crate::law::counting::session_kind_allowed(input.host_group, input.kind)
        .map_err(|why| Error::invalid("kind", why))?;
    Ok(date)
}

/// The most people one visit can record (a delegation of a whole village is a few hundred).
pub const MAX_HEADCOUNT: u32 = 10_000;

pub fn check_visit(input: &NewVisit) -> Result<()> {
    for (i, p) in input.persons.iter().enumerate() {
        check_person(&format!("persons[{i}]"), p)?;
    }
    if input.persons.is_empty() && input.headcount == 0 {
        return Err(Error::invalid("headcount", "Số người phải từ 1 trở lên."));
    }
    if input.headcount > MAX_HEADCOUNT {
        return Err(Error::invalid(
            "headcount",
            format!(
                "Số người ({}) quá lớn: một lượt tiếp ghi tối đa {MAX_HEADCOUNT} người.",
                input.headcount
            ),
        ));
    }
    if (input.headcount as usize) < input.persons.len() {
        return Err(Error::invalid(
            "headcount",
            format!(
                "Số người ({}) không được ít hơn số người đã ghi tên ({}).",
                input.headcount,
                input.persons.len()
            ),
        ));
    }
    required("content", "Nội dung", &input.content)?;
    if let Some(p) = &input.petition {
        required("petition.content", "Nội dung đơn", &p.content)?;
    }
    Ok(())
}

pub fn check_petition(input: &NewPetition, today: NaiveDate) -> Result<NaiveDate> {
    let date = parse_past_date("received_on", "Ngày nhận đơn", &input.received_on, today)?;
    if input.source == PetitionSource::Visit {
        return Err(Error::invalid(
            "source",
            "Đơn nộp khi tiếp công dân được ghi cùng lượt tiếp, tại màn hình Sổ tiếp dân.",
        ));
    }
    if input.source == PetitionSource::Transfer
        && input
            .source_agency
            .as_deref()
            .map(str::trim)
            .unwrap_or("")
            .is_empty()
    {
        return Err(Error::invalid(
            "source_agency",
            "Cơ quan chuyển đơn không được để trống khi đơn do cơ quan khác chuyển đến.",
        ));
    }
    if !input.anonymous && input.petitioners.is_empty() {
        return Err(Error::invalid(
            "petitioners",
            "Người đứng đơn: ghi ít nhất một người, hoặc đánh dấu đơn nặc danh.",
        ));
    }
    for (i, p) in input.petitioners.iter().enumerate() {
        check_person(&format!("petitioners[{i}]"), p)?;
    }
    required("content", "Nội dung đơn", &input.content)?;
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_numbers() {
        assert_eq!(
            check_id_number("f", None, Some("001203004567")).unwrap(),
            IdKind::CanCuoc
        );
        assert_eq!(
            check_id_number("f", None, Some("123456789")).unwrap(),
            IdKind::Cmnd
        );
        assert_eq!(check_id_number("f", None, Some(" ")).unwrap(), IdKind::None);
        let e = check_id_number("f", Some(IdKind::CanCuoc), Some("12345678901")).unwrap_err();
        assert!(e.to_string().contains("12 chữ số"), "{e}");
        assert!(check_id_number("f", Some(IdKind::CanCuoc), Some("00120300456a")).is_err());
        assert!(check_id_number("f", Some(IdKind::Cmnd), Some("1234567890")).is_err());
        assert!(check_id_number("f", Some(IdKind::Cmnd), Some("001203004567")).is_ok());
        assert!(check_id_number("f", Some(IdKind::Passport), Some("C1234567")).is_ok());
        assert!(check_id_number("f", Some(IdKind::None), Some("123")).is_err());
    }

    #[test]
    fn phone_numbers() {
        for ok in [
            "0912345678",
            "0912 345 678",
            "+84 912-345-678",
            "(024) 3825 1234",
        ] {
            assert!(check_phone("p", Some(ok)).is_ok(), "{ok}");
        }
        for bad in ["12ab", "123", "0912345678901234567"] {
            let e = check_phone("p", Some(bad)).unwrap_err();
            assert_eq!(e.field(), Some("p"));
        }
    }

    #[test]
    fn dates_must_be_real_and_past() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let e = parse_past_date("date", "Ngày tiếp", "2026-02-30", today).unwrap_err();
        assert_eq!(e.field(), Some("date"));
        assert!(e.to_string().starts_with("Ngày tiếp"));
        for odd in ["2026-3-1", "0026-03-01", "2026/03/01", "2026-03-01x"] {
            assert!(parse_date("date", "Ngày tiếp", odd).is_err(), "{odd}");
        }
        let e = parse_past_date("date", "Ngày tiếp", "2026-03-02", today).unwrap_err();
        assert!(e.to_string().contains("tương lai"));
        assert!(parse_past_date("date", "Ngày tiếp", "2026-03-01", today).is_ok());
    }
}
