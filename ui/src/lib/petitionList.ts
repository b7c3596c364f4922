// The petition list's filter: as typed on the screen, and the PetitionFilter it sends.
import type { Catalogue } from './bindings/Catalogue';
import type { ErrorDto } from './bindings/ErrorDto';
import type { PetitionFilter } from './bindings/PetitionFilter';
import type { PetitionKind } from './bindings/PetitionKind';
import type { PetitionState } from './bindings/PetitionState';
import type { PetitionStatus } from './bindings/PetitionStatus';
import type { Urgency } from './bindings/Urgency';
import { parseOptionalDate } from './dates';
import { badDateMessage, localError } from './errors';
import type { Option } from './options';
import { groupDigits } from './queue';

export interface ListFilterDraft {
  kind: PetitionKind | '';
  /** '' (all), "status:open" / "status:closed" (every state of it), or "state:<code>". */
  state: string;
  urgency: Urgency | '';
  field: string;
  from: string;
  to: string;
}

export function emptyListFilter(): ListFilterDraft {
  return { kind: '', state: '', urgency: '', field: '', from: '', to: '' };
}

/** The filter of a list opened on one "Trạng thái" ("status:open"), the others cleared. */
export function listFilterFor(state: string): ListFilterDraft {
  return { ...emptyListFilter(), state };
}

export interface OptionGroup {
  label: string;
  options: Option[];
}

/**
 * The "Trạng thái" picker: still being handled / done (every step of either), then each
 * step of the lifecycle, labelled by the core.
 */
export function stateGroups(c: Pick<Catalogue, 'petition_statuses' | 'petition_states'>): OptionGroup[] {
  return [
    {
      label: 'Tình trạng',
      options: c.petition_statuses.map((s) => ({ value: `status:${s.code}`, label: s.label })),
    },
    {
      label: 'Bước xử lý',
      options: c.petition_states.map((s) => ({ value: `state:${s.code}`, label: s.label })),
    },
  ];
}

export type BuiltFilter = { ok: true; filter: PetitionFilter } | { ok: false; error: ErrorDto };

export function buildFilter(d: ListFilterDraft): BuiltFilter {
  const from = parseOptionalDate(d.from);
  if (from === undefined) return { ok: false, error: localError('from', badDateMessage('Từ ngày', d.from)) };
  const to = parseOptionalDate(d.to);
  if (to === undefined) return { ok: false, error: localError('to', badDateMessage('Đến ngày', d.to)) };
  const [scope, code] = d.state.split(':');
  return {
    ok: true,
    filter: {
      kind: d.kind === '' ? null : d.kind,
      status: scope === 'status' && code ? (code as PetitionStatus) : null,
      state: scope === 'state' && code ? (code as PetitionState) : null,
      urgency: d.urgency === '' ? null : d.urgency,
      field_code: d.field === '' ? null : d.field,
      from,
      to,
    },
  };
}

/** Whether a key press on a focused list row opens it. */
export function opensRow(e: { key: string; ctrlKey: boolean; altKey: boolean; metaKey?: boolean; shiftKey: boolean }): boolean {
  return (e.key === 'Enter' || e.key === ' ') && !e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey;
}

/** Rows the Đơn thư list shows at first, and adds each time "Hiện thêm" is pressed. */
export const LIST_PAGE = 200;

/** Under a list that shows part of its matches: "Đang hiện 200 trong 13.906 đơn"; '' when all are shown. */
export function listShown(shown: number, total: number): string {
  return total > shown ? `Đang hiện ${groupDigits(shown)} trong ${groupDigits(total)} đơn` : '';
}

/** The button that adds the next rows: "Hiện thêm 200 đơn" (fewer when fewer are left). */
export function moreLabel(shown: number, total: number): string {
  return `Hiện thêm ${groupDigits(Math.min(LIST_PAGE, Math.max(0, total - shown)))} đơn`;
}
