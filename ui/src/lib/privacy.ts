// A denunciator's identity is masked by the core (name "Người tố cáo (được bảo mật)", no
// ID, address or phone): these helpers only tell the screens when to show the "bảo mật"
// badge, and check the reason a leader gives to reveal one person.
import type { ErrorDto } from './bindings/ErrorDto';
import type { Person } from './bindings/Person';
import { localError } from './errors';

/** What the core puts in place of a denunciator's name (`desk::privacy::MASKED_NAME`). */
export const MASKED_NAME = 'Người tố cáo (được bảo mật)';

/** The line the reveal dialog shows under the identity it reveals. */
export const REVEAL_LOGGED = 'Việc xem danh tính đã được ghi vào nhật ký.';

/** Whether the core masked this person. */
export function isMasked(p: Pick<Person, 'masked'> | null | undefined): boolean {
  return p?.masked === true;
}

/** Whether any of these persons is masked (a petition's petitioners, a visit's persons). */
export function anyMasked(persons: readonly Pick<Person, 'masked'>[] | null | undefined): boolean {
  return (persons ?? []).some(isMasked);
}

/**
 * Whether a text the core composed (a search result's title) names a masked person: the
 * search box's results carry no `masked` flag, only the mask's words.
 */
export function mentionsMasked(text: string | null | undefined): boolean {
  return (text ?? '').includes(MASKED_NAME);
}

/** The shortest reason the core accepts (`reveal_person`: at least 5 characters). */
export const REASON_MIN = 5;

/** The reason typed, or why it cannot be sent yet (the core checks it too). */
export function checkRevealReason(reason: string): ErrorDto | null {
  const r = reason.trim();
  if (r === '') return localError('reason', 'Lý do xem danh tính: chưa ghi lý do (việc xem được ghi vào nhật ký).');
  if ([...r].length < REASON_MIN) {
    return localError('reason', `Lý do xem danh tính: ghi rõ lý do (ít nhất ${REASON_MIN} ký tự).`);
  }
  return null;
}

/** The revealed identity as the dialog's lines: [label, value], the missing ones left out. */
export function identityLines(p: Person, idKindLabel: string): [string, string][] {
  const lines: [string, string][] = [['Họ và tên', p.full_name]];
  if (p.id_number) lines.push([idKindLabel || 'Số giấy tờ', p.id_number]);
  if (p.address) lines.push(['Địa chỉ', p.address]);
  if (p.phone) lines.push(['Điện thoại', p.phone]);
  return lines;
}
