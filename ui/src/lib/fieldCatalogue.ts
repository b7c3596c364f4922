// Building the Field sent to `save_field` from the catalogue editor's inputs.
import type { ComplaintGroup } from './bindings/ComplaintGroup';
import type { DenunciationGroup } from './bindings/DenunciationGroup';
import type { Field } from './bindings/Field';
import type { ProposalGroup } from './bindings/ProposalGroup';

/** A blank new field: the core derives its code from the name. */
export function newField(): Field {
  return {
    code: '',
    name: '',
    complaint_group: 'other',
    denunciation_group: 'administrative',
    proposal_group: 'other',
    active: true,
  };
}

/** The editable copy of a field, trimmed on the way out. */
export function fieldToSave(f: Field): Field {
  return {
    ...f,
    code: f.code.trim(),
    name: f.name.trim(),
    complaint_group: f.complaint_group as ComplaintGroup,
    denunciation_group: f.denunciation_group as DenunciationGroup,
    proposal_group: f.proposal_group as ProposalGroup,
  };
}

/** Whether an edited row differs from what is saved. */
export function isChanged(saved: Field | undefined, edited: Field): boolean {
  if (!saved) return true;
  return (
    saved.name !== edited.name.trim() ||
    saved.complaint_group !== edited.complaint_group ||
    saved.denunciation_group !== edited.denunciation_group ||
    saved.proposal_group !== edited.proposal_group ||
    saved.active !== edited.active
  );
}

/** Whether the catalogue editor holds edits not yet saved: a changed row, or a new name typed. */
export function catalogueChanged(saved: Field[], rows: Field[], added: Field): boolean {
  return added.name.trim() !== '' || rows.some((r) => isChanged(saved.find((f) => f.code === r.code), r));
}
