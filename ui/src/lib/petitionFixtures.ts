// Petitions, deadlines and moves as the core sends them, for the unit tests.
import type { Choice } from './bindings/Choice';
import type { Deadline } from './bindings/Deadline';
import type { MoveOption } from './bindings/MoveOption';
import type { Person } from './bindings/Person';
import type { Petition } from './bindings/Petition';

export const URGENCIES: Choice[] = [
  { code: 'none', label: 'Trong hạn' },
  { code: 'due_soon', label: 'Sắp đến hạn' },
  { code: 'overdue', label: 'Quá hạn' },
  { code: 'unknown', label: 'Chưa tính được hạn' },
];

export function deadline(patch: Partial<Deadline> = {}): Deadline {
  return {
    step: 'first_reply',
    label: 'Trả lời việc xử lý đơn',
    due: '2026-03-16',
    rule: 'Thông tư 05/2021/TT-TTCP',
    overdue: false,
    due_soon: false,
    met_on: null,
    late: false,
    note: null,
    suspended: false,
    ...patch,
  };
}

export function person(patch: Partial<Person> = {}): Person {
  return {
    id: 'person-1',
    full_name: 'Phạm Thị Lan',
    id_kind: 'none',
    id_number: null,
    address: null,
    phone: null,
    merged_into: null,
    ...patch,
  };
}

export function petition(patch: Partial<Petition> = {}): Petition {
  return {
    id: 'pet-1',
    number: '1/2026',
    received_on: '2026-03-02',
    source: 'post',
    source_agency: null,
    visit_id: null,
    kind: 'complaint',
    contents: [],
    field_code: null,
    content: 'Khiếu nại quyết định thu hồi đất',
    anonymous: false,
    petitioners: [person()],
    respondent: null,
    handling: { handling: 'none', agency: null, letter_no: null },
    classification: { round: 'first', competence: 'undetermined', eligible: null },
    state: 'received',
    status: 'open',
    signers: 'one',
    outcome: null,
    outcome_label: null,
    complex: false,
    first_round_id: null,
    first_round_number: null,
    duplicate_of: null,
    duplicate_of_number: null,
    case_id: 'case-1',
    deadlines: [],
    next_due: null,
    urgency: 'none',
    ...patch,
  };
}

export function option(patch: Partial<MoveOption> = {}): MoveOption {
  return {
    action: 'accept',
    label: 'Thụ lý giải quyết',
    allowed: true,
    reason: null,
    inputs: ['doc_no', 'note'],
    required: [],
    outcomes: [],
    doc_label: 'Số thông báo thụ lý',
    effect: null,
    ...patch,
  };
}
