// The "Thêm lượt tiếp" form: its state as typed, its defaults, and the NewVisit it sends.
import type { ErrorDto } from './bindings/ErrorDto';
import type { HostGroup } from './bindings/HostGroup';
import type { NewVisit } from './bindings/NewVisit';
import type { PetitionKind } from './bindings/PetitionKind';
import { localError } from './errors';
import { emptyHandling, toHandlingInput, unreviewed, type HandlingDraft } from './handling';
import type { Petition } from './bindings/Petition';
import type { Visit } from './bindings/Visit';
import { contentsToSend } from './contents';
import {
  emptyPerson,
  namedCount,
  personForCorrection,
  textOrNull,
  toPersonInputs,
  type PersonDraft,
} from './persons';

export interface VisitDraft {
  persons: PersonDraft[];
  /** What the officer typed in "Số người"; only used once `headcountEdited`. */
  headcount: string;
  headcountEdited: boolean;
  content: string;
  kind: PetitionKind | '';
  field_code: string;
  handling: HandlingDraft;
  case_id: string | null;
  case_summary: string | null;
  chairman_joined: boolean;
  /** The bodies that already handled the matter (the Sổ's "Cơ quan đã giải quyết"). */
  prior_agencies: string;
  has_petition: boolean;
  petition_kind: PetitionKind | '';
  petition_kind_edited: boolean;
  /** For a petition of several kinds of content: the kinds it carries (ticked). */
  petition_contents: PetitionKind[];
  petition_content: string;
  petition_content_edited: boolean;
  respondent: string;
}

export function emptyVisitDraft(): VisitDraft {
  return {
    persons: [emptyPerson()],
    headcount: '',
    headcountEdited: false,
    content: '',
    kind: '',
    field_code: '',
    handling: emptyHandling(),
    case_id: null,
    case_summary: null,
    chairman_joined: false,
    prior_agencies: '',
    has_petition: false,
    petition_kind: '',
    petition_kind_edited: false,
    petition_contents: [],
    petition_content: '',
    petition_content_edited: false,
    respondent: '',
  };
}

/** "Số người" until the officer edits it: the named persons, at least 1. */
export function defaultHeadcount(persons: PersonDraft[]): number {
  return Math.max(namedCount(persons), 1);
}

export function shownHeadcount(d: VisitDraft): string {
  return d.headcountEdited ? d.headcount : String(defaultHeadcount(d.persons));
}

/**
 * A typed "Số người" once more persons are named than it says (a person added after it
 * was typed): raised to the persons named, the rest kept; `null` when nothing changes. The
 * form asks only when the named count grows, so a number being typed is never changed.
 */
export function raisedHeadcount(d: VisitDraft): string | null {
  if (!d.headcountEdited) return null;
  const typed = d.headcount.trim();
  const n = Number(typed);
  const named = namedCount(d.persons);
  return /^\d+$/.test(typed) && n < named ? String(named) : null;
}

/** "Loại đơn" follows "Phân loại" until edited; "Nội dung đơn" follows "Nội dung". */
export function shownPetitionKind(d: VisitDraft): PetitionKind | '' {
  return d.petition_kind_edited ? d.petition_kind : d.kind;
}

export function shownPetitionContent(d: VisitDraft): string {
  return d.petition_content_edited ? d.petition_content : d.content;
}

/**
 * "Đoàn đông người là đoàn có từ 5 người trở lên" (note under Biểu 01/TCD): the core
 * derives a visit's delegation from its headcount; the form only says so beside it.
 */
export const DELEGATION_MIN_PEOPLE = 5;

/** The live note beside "Số người": what the core will record, for the officer's comfort. */
export function delegationNote(headcount: string): string {
  const n = parseCount(headcount);
  return n !== null && n >= DELEGATION_MIN_PEOPLE
    ? `Đoàn đông người (từ ${DELEGATION_MIN_PEOPLE} người trở lên)`
    : '';
}

export type Built<T> = { ok: true; input: T; sentToRow: number[] } | { ok: false; error: ErrorDto };

/** Parse a whole non-negative number typed in a number input. */
export function parseCount(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,6}$/.test(t)) return null;
  return Number(t);
}

export function buildNewVisit(d: VisitDraft, sessionId: string, host: HostGroup): Built<NewVisit> {
  const { persons, sentToRow } = toPersonInputs(d.persons);
  const headcount = parseCount(shownHeadcount(d));
  if (headcount === null) {
    return { ok: false, error: localError('headcount', 'Số người phải là một số nguyên, ví dụ 1 hoặc 12.') };
  }
  const handling = toHandlingInput(d.handling);
  const field_code = textOrNull(d.field_code);
  let petition: NewVisit['petition'] = null;
  if (d.has_petition) {
    const kind = shownPetitionKind(d);
    if (kind === '') {
      return { ok: false, error: localError('petition.kind', 'Loại đơn: chưa chọn loại đơn.') };
    }
    petition = {
      kind,
      contents: contentsToSend(kind, d.petition_contents),
      field_code,
      content: shownPetitionContent(d).trim(),
      respondent: textOrNull(d.respondent),
      handling,
      classification: unreviewed(),
      duplicate_of: null,
    };
  }
  return {
    ok: true,
    sentToRow,
    input: {
      session_id: sessionId,
      persons,
      headcount,
      content: d.content.trim(),
      kind: d.kind === '' ? null : d.kind,
      field_code,
      handling,
      case_id: d.case_id,
      chairman_joined: host === 'officer' && d.chairman_joined,
      petition,
      prior_agencies: textOrNull(d.prior_agencies),
    },
  };
}

/**
 * A saved visit as the form shows it for a correction: the same fields, filled. The
 * case stays the visit's own unless the officer links another one (`case_id` null means
 * "keep"). `petition` is the petition handed in at the visit, when it has one.
 */
export function visitToDraft(v: Visit, petition: Petition | null): VisitDraft {
  const persons = v.persons.length === 0 ? [emptyPerson()] : v.persons.map(personForCorrection);
  const d: VisitDraft = {
    ...emptyVisitDraft(),
    persons,
    headcount: String(v.headcount),
    headcountEdited: v.headcount !== defaultHeadcount(persons),
    content: v.content,
    kind: v.kind ?? '',
    field_code: v.field_code ?? '',
    handling: {
      handling: v.handling.handling,
      agency: v.handling.agency ?? '',
      letter_no: v.handling.letter_no ?? '',
    },
    chairman_joined: v.chairman_joined,
    prior_agencies: v.prior_agencies ?? '',
    has_petition: v.petition_number !== null,
  };
  if (petition) {
    d.petition_kind = petition.kind;
    d.petition_kind_edited = petition.kind !== d.kind;
    d.petition_contents = [...petition.contents];
    d.petition_content = petition.content;
    d.petition_content_edited = petition.content !== d.content;
    d.respondent = petition.respondent ?? '';
  }
  return d;
}

/** Whether the form holds work not yet saved: anything that differs from where it started. */
export function isDirty(d: VisitDraft, start: VisitDraft): boolean {
  return JSON.stringify(d) !== JSON.stringify(start);
}

/**
 * The question asked once before saving a visit with no kind or no field (the core
 * accepts it: the officer may classify later, but 01/TCD and 02/XLD then miss it).
 */
export function missingClassification(d: VisitDraft): string | null {
  const kind = d.kind === '';
  const field = d.field_code.trim() === '';
  if (kind && field) return 'Chưa chọn phân loại / lĩnh vực. Vẫn lưu?';
  if (kind) return 'Chưa chọn phân loại. Vẫn lưu?';
  if (field) return 'Chưa chọn lĩnh vực. Vẫn lưu?';
  return null;
}

/** The question's other answer: go to what is missing (the kind first). */
export function missingClassificationAction(d: VisitDraft): string {
  return d.kind === '' ? 'Chọn phân loại' : 'Chọn lĩnh vực';
}

/**
 * A picked earlier case's kind and field fill the visit's, where the officer has not
 * chosen them yet.
 */
export function prefillFromCase(
  d: VisitDraft,
  known: { kind: PetitionKind | null; field_code: string | null },
): Pick<VisitDraft, 'kind' | 'field_code'> {
  return {
    kind: d.kind === '' ? (known.kind ?? '') : d.kind,
    field_code: d.field_code === '' ? (known.field_code ?? '') : d.field_code,
  };
}

/**
 * What the form says under "Hướng xử lý" before saving: "Thụ lý" without "Có đơn kèm
 * theo" is refused by the core (the accepted matter is followed as a petition: Luật Tiếp
 * công dân 2013, Điều 28); the core's own message shows there if the officer saves anyway.
 */
export function acceptNeedsPetition(d: Pick<VisitDraft, 'handling' | 'has_petition'>): string | null {
  if (d.handling.handling !== 'accept' || d.has_petition) return null;
  return 'Thụ lý cần có đơn (hoặc văn bản ghi nội dung công dân trình bày): đánh dấu “Có đơn kèm theo”.';
}

/** A typed visit in a few words, to name it in a question: its persons, else its content. */
export function visitDraftLabel(d: VisitDraft): string {
  const names = d.persons.map((p) => p.full_name.trim()).filter((n) => n !== '');
  if (names.length > 0) return names.join(', ');
  const content = d.content.trim().replace(/\s+/g, ' ');
  if (content.length <= 40) return content;
  const cut = content.slice(0, 40);
  const space = cut.lastIndexOf(' ');
  return `${space > 20 ? cut.slice(0, space) : cut}…`;
}

/** "lượt tiếp đang nhập (Đỗ Thị Hoa)", for the questions that would drop it. */
export function unsavedVisitText(d: VisitDraft): string {
  const label = visitDraftLabel(d);
  return label === '' ? 'lượt tiếp đang nhập' : `lượt tiếp đang nhập (${label})`;
}

/**
 * What a saved visit says: its number in the session and, when a petition was handed in
 * with it, the petition's number, which the officer writes on the paper.
 */
export function savedVisitMessage(v: { seq: number; petition_number: string | null }): string {
  const petition = v.petition_number ? `; đơn số ${v.petition_number}` : '';
  return `Đã lưu lượt tiếp thứ ${v.seq}${petition}`;
}
