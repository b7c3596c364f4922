// The handling (hướng xử lý) part shared by the visit and petition forms.
import type { Classification } from './bindings/Classification';
import type { Handling } from './bindings/Handling';
import type { HandlingInput } from './bindings/HandlingInput';
import { textOrNull } from './persons';

export interface HandlingDraft {
  handling: Handling;
  agency: string;
  letter_no: string;
}

export function emptyHandling(): HandlingDraft {
  return { handling: 'none', agency: '', letter_no: '' };
}

/** The agency and letter inputs apply when the citizen is guided or the matter transferred. */
export function needsAgency(handling: Handling): boolean {
  return handling === 'guide' || handling === 'transfer';
}

export function toHandlingInput(d: HandlingDraft): HandlingInput {
  const withAgency = needsAgency(d.handling);
  return {
    handling: d.handling,
    agency: withAgency ? textOrNull(d.agency) : null,
    letter_no: withAgency ? textOrNull(d.letter_no) : null,
  };
}

/** Not reviewed yet: what the core assumes too; no screen sets it yet. */
export function unreviewed(): Classification {
  return { round: 'first', competence: 'undetermined', eligible: null };
}
