// The "Thêm lượt tiếp" form: its state as typed, its defaults, and the NewVisit it sends.
import type { ErrorDto } from './bindings/ErrorDto';
import type { HostGroup } from './bindings/HostGroup';
import type { NewVisit } from './bindings/NewVisit';
import type { PetitionKind } from './bindings/PetitionKind';
import { localError } from './errors';
import { emptyHandling, toHandlingInput, unreviewed, type HandlingDraft } from './handling';
import { emptyPerson, namedCount, textOrNull, toPersonInputs, type PersonDraft } from './persons';

export type DelegationChoice = 'auto' | 'yes' | 'no';

export interface VisitDraft {
  persons: PersonDraft[];
  /** What the officer typed in "Số người"; only used once `headcountEdited`. */
  headcount: string;
  headcountEdited: boolean;
  delegation: DelegationChoice;
  content: string;
  kind: PetitionKind | '';
  field_code: string;
  handling: HandlingDraft;
  case_id: string | null;
  case_summary: string | null;
  chairman_joined: boolean;
  has_petition: boolean;
  petition_kind: PetitionKind | '';
  petition_kind_edited: boolean;
  petition_content: string;
  petition_content_edited: boolean;
  respondent: string;
}

export function emptyVisitDraft(): VisitDraft {
  return {
    persons: [emptyPerson()],
    headcount: '',
    headcountEdited: false,
    delegation: 'auto',
    content: '',
    kind: '',
    field_code: '',
    handling: emptyHandling(),
    case_id: null,
    case_summary: null,
    chairman_joined: false,
    has_petition: false,
    petition_kind: '',
    petition_kind_edited: false,
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

/** "Loại đơn" follows "Phân loại" until edited; "Nội dung đơn" follows "Nội dung". */
export function shownPetitionKind(d: VisitDraft): PetitionKind | '' {
  return d.petition_kind_edited ? d.petition_kind : d.kind;
}

export function shownPetitionContent(d: VisitDraft): string {
  return d.petition_content_edited ? d.petition_content : d.content;
}

export function delegationValue(choice: DelegationChoice): boolean | null {
  return choice === 'auto' ? null : choice === 'yes';
}

/**
 * What "Tự động theo số người" will mean, for the officer's comfort; the core decides
 * with the same threshold setting.
 */
export function delegationHint(headcount: string, threshold: number): string {
  const n = Number(headcount);
  if (!Number.isInteger(n) || n < 1) return '';
  return n >= threshold
    ? `Tự động: ${n} người, là đoàn đông người (từ ${threshold} người).`
    : `Tự động: ${n} người, không phải đoàn đông người (dưới ${threshold} người).`;
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
      delegation: delegationValue(d.delegation),
      content: d.content.trim(),
      kind: d.kind === '' ? null : d.kind,
      field_code,
      handling,
      case_id: d.case_id,
      chairman_joined: host === 'officer' && d.chairman_joined,
      petition,
    },
  };
}
