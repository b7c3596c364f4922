// The inline form of a petition's next move: which inputs it shows (exactly those the
// core's MoveOption names), their defaults, and the MoveInput it sends. The core decides
// whether the move is allowed and whether the inputs are right; the UI only reads what
// it cannot send as typed (a date, a number, a yes/no not chosen).
import type { Competence } from './bindings/Competence';
import type { ErrorDto } from './bindings/ErrorDto';
import type { MoveAction } from './bindings/MoveAction';
import type { MoveInput } from './bindings/MoveInput';
import type { MoveOption } from './bindings/MoveOption';
import type { Outcome } from './bindings/Outcome';
import type { Petition } from './bindings/Petition';
import type { PetitionKind } from './bindings/PetitionKind';
import type { Round } from './bindings/Round';
import type { Signers } from './bindings/Signers';
import { contentsToSend } from './contents';
import { parseDate } from './dates';
import { badDateMessage, localError } from './errors';
import { textOrNull } from './persons';

/** The inputs a move can take, in the order the form shows them (the date comes first). */
export type MoveInputKey = 'classification' | 'duplicate_of' | 'agency' | 'outcome' | 'doc_no' | 'extension_days' | 'note';

export const INPUT_ORDER: MoveInputKey[] = [
  'classification',
  'duplicate_of',
  'agency',
  'outcome',
  'doc_no',
  'extension_days',
  'note',
];

export interface ClassifyDraft {
  kind: PetitionKind;
  /** For a petition of several kinds of content: the kinds it carries (ticked). */
  contents: PetitionKind[];
  field_code: string;
  /** '' while the officer has not said. */
  eligible: 'yes' | 'no' | '';
  competence: Competence | '';
  signers: Signers;
  round: Round;
  first_round_id: string;
  complex: boolean;
}

export interface MoveDraft {
  action: MoveAction;
  /** dd/mm/yyyy as typed. */
  on_date: string;
  note: string;
  doc_no: string;
  agency: string;
  outcome: Outcome | '';
  extension_days: string;
  duplicate_of: string;
  classification: ClassifyDraft;
}

/** The classification as recorded so far (what the officer corrects or confirms). */
export function classifyDraftOf(p: Petition): ClassifyDraft {
  const e = p.classification.eligible;
  return {
    kind: p.kind,
    contents: [...p.contents],
    field_code: p.field_code ?? '',
    eligible: e === null ? '' : e ? 'yes' : 'no',
    competence: p.classification.competence === 'undetermined' ? '' : p.classification.competence,
    signers: p.anonymous ? 'anonymous' : p.signers,
    round: p.classification.round,
    first_round_id: p.first_round_id ?? '',
    complex: p.complex,
  };
}

/** A fresh form for `option` on petition `p`, dated today (dd/mm/yyyy). */
export function emptyMoveDraft(option: MoveOption, p: Petition, todayText: string): MoveDraft {
  return {
    action: option.action,
    on_date: todayText,
    note: '',
    doc_no: '',
    agency: option.action === 'urge' ? (p.handling.agency ?? '') : '',
    outcome: option.outcomes.length === 1 ? (option.outcomes[0].code as Outcome) : '',
    extension_days: '',
    duplicate_of: '',
    classification: classifyDraftOf(p),
  };
}

/** The form as a comparable text: whether anything was typed since it opened. */
export function moveSnapshot(d: MoveDraft): string {
  return JSON.stringify(d);
}

/** The question before dropping a move form with typed work. */
export function dropMoveQuestion(label: string): string {
  return `Bỏ bước “${label}” đang nhập? Những gì đã nhập cho bước này chưa được ghi.`;
}

/** The inputs of `option` the form shows, in order (the date is always shown). */
export function shownInputs(option: MoveOption): MoveInputKey[] {
  return INPUT_ORDER.filter((k) => option.inputs.includes(k));
}

export function isRequired(option: MoveOption, key: string): boolean {
  return option.required.includes(key);
}

/** The first-round petition only matters for a second-round complaint. */
export function showsFirstRound(c: ClassifyDraft): boolean {
  return c.kind === 'complaint' && c.round === 'subsequent';
}

/** What the agency input is called, by move. */
export function agencyLabel(action: MoveAction): string {
  switch (action) {
    case 'transfer':
      return 'Cơ quan nhận đơn chuyển';
    case 'guide':
      return 'Cơ quan hướng dẫn công dân đến';
    case 'urge':
      return 'Cơ quan được đôn đốc';
    default:
      return 'Cơ quan';
  }
}

/** What the note input is called, by move. */
export function noteLabel(action: MoveAction): string {
  switch (action) {
    case 'decline':
      return 'Lý do không thụ lý';
    case 'extend_check':
      return 'Lý do kéo dài (xác minh nhiều nơi, ủy quyền xác minh)';
    case 'withdraw_part':
      return 'Nội dung đã rút (phần còn lại tiếp tục được giải quyết)';
    default:
      return 'Ghi chú';
  }
}

/** A label with the "required" mark the form shows. */
export function requiredLabel(label: string, required: boolean): string {
  return required ? `${label} *` : label;
}

/**
 * The error fields the form shows next to an input: a refusal on any other field (or
 * none) is shown at the top of the form.
 */
export function placedFields(option: MoveOption): string[] {
  const out = ['on_date', 'action'];
  for (const k of shownInputs(option)) {
    if (k === 'classification') {
      out.push(
        'classification.kind',
        'classification.contents',
        'classification.field_code',
        'classification.eligible',
        'classification.competence',
        'classification.signers',
        'classification.round',
        'classification.first_round_id',
        'classification.complex',
      );
    } else {
      out.push(k);
    }
  }
  return out;
}

export function isPlaced(error: ErrorDto | null, option: MoveOption): boolean {
  return !!error?.field && placedFields(option).includes(error.field);
}

export type BuiltMove = { ok: true; input: MoveInput } | { ok: false; error: ErrorDto };

/** A whole number of days, or null when the text is not one. */
function parseDays(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,4}$/.test(t)) return null;
  return Number(t);
}

/** The MoveInput of the form: only the inputs the option takes are sent. */
export function buildMoveInput(d: MoveDraft, option: MoveOption, petitionId: string): BuiltMove {
  const on_date = parseDate(d.on_date);
  if (on_date === null) {
    return { ok: false, error: localError('on_date', badDateMessage('Ngày thực hiện', d.on_date)) };
  }
  const takes = (k: MoveInputKey) => option.inputs.includes(k);
  let extension_days: number | null = null;
  if (takes('extension_days')) {
    if (d.extension_days.trim() !== '') {
      extension_days = parseDays(d.extension_days);
      if (extension_days === null) {
        return {
          ok: false,
          error: localError('extension_days', `Số ngày gia hạn: “${d.extension_days.trim()}” không phải là số ngày.`),
        };
      }
    } else if (isRequired(option, 'extension_days')) {
      return { ok: false, error: localError('extension_days', 'Số ngày gia hạn: ghi số ngày (không quá 30 ngày).') };
    }
  }
  let classification: MoveInput['classification'] = null;
  if (takes('classification')) {
    const c = d.classification;
    if (c.eligible === '') {
      return {
        ok: false,
        error: localError('classification.eligible', 'Điều kiện xử lý: chọn đủ hoặc không đủ điều kiện xử lý.'),
      };
    }
    if (c.competence === '') {
      return {
        ok: false,
        error: localError('classification.competence', 'Thẩm quyền: chọn thuộc hoặc không thuộc thẩm quyền.'),
      };
    }
    classification = {
      kind: c.kind,
      contents: contentsToSend(c.kind, c.contents),
      field_code: textOrNull(c.field_code),
      eligible: c.eligible === 'yes',
      competence: c.competence,
      signers: c.signers,
      round: c.round,
      first_round_id: showsFirstRound(c) ? textOrNull(c.first_round_id) : null,
      complex: c.complex,
    };
  }
  return {
    ok: true,
    input: {
      petition_id: petitionId,
      action: option.action,
      on_date,
      note: takes('note') ? textOrNull(d.note) : null,
      doc_no: takes('doc_no') ? textOrNull(d.doc_no) : null,
      agency: takes('agency') ? textOrNull(d.agency) : null,
      outcome: takes('outcome') && d.outcome !== '' ? d.outcome : null,
      extension_days,
      classification,
      duplicate_of: takes('duplicate_of') ? textOrNull(d.duplicate_of) : null,
    },
  };
}

/** The moves the officer can record now (the core lists the refused ones too, with why). */
export function allowedOptions(options: MoveOption[]): MoveOption[] {
  return options.filter((o) => o.allowed);
}

export function refusedOptions(options: MoveOption[]): MoveOption[] {
  return options.filter((o) => !o.allowed && o.reason);
}
