// The move form's petition picker ("đơn gốc" of a duplicate, a complaint's first round):
// the petitions offered, and those matching what the officer types (a number, or words of
// the petitioners' names and the content, diacritics-blind), only the first few shown: a
// city's register offers tens of thousands.
import type { PetitionChoice } from './bindings/PetitionChoice';
import { fold } from './fold';

/** At most this many matches are listed at once; typing narrows them. */
export const PICKER_SHOWN = 30;

/** A petition the picker offers; `reason`: why the program suggests it, if it does. */
export interface PickerChoice {
  id: string;
  number: string;
  content: string;
  /** Who signed it (a denunciator's name comes masked from the core). */
  petitioners: string[];
  reason: string | null;
}

/** A choice with its number and its number and content folded, made once per list. */
export interface IndexedChoice {
  choice: PickerChoice;
  number: string;
  text: string;
}

/**
 * The petitions offered, from the core's list (newest first): never the petition being
 * moved, without those marked a duplicate when `withoutDuplicates` (a duplicate's
 * original is a petition still being handled), without second-round complaints when
 * `withoutSecondRounds` (a first round is not one), the program's suggestions first, in
 * the order of `hints` (the core's, likeliest first).
 */
export function pickerChoices(
  list: PetitionChoice[],
  exclude: string,
  withoutDuplicates: boolean,
  hints: Map<string, string> = new Map(),
  withoutSecondRounds = false,
): PickerChoice[] {
  const kept = list
    .filter(
      (p) =>
        p.id !== exclude &&
        !(withoutDuplicates && p.duplicate_of !== null) &&
        !(withoutSecondRounds && p.first_round_id !== null),
    )
    .map((p) => ({
      id: p.id,
      number: p.number,
      content: p.content,
      petitioners: p.petitioners,
      reason: hints.get(p.id) ?? null,
    }));
  const rank = new Map([...hints.keys()].map((id, i) => [id, i]));
  const suggested = kept.filter((c) => c.reason !== null).sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  return [...suggested, ...kept.filter((c) => c.reason === null)];
}

export function indexChoices(choices: PickerChoice[]): IndexedChoice[] {
  return choices.map((choice) => ({
    choice,
    number: choice.number.toLowerCase(),
    text: fold(`${choice.number} ${choice.petitioners.join(' ')} ${choice.content}`)
      .replace(/[,.;:·…"“”()]/g, ' ')
      .replace(/\s+/g, ' '),
  }));
}

/** "12", "12/", "12/2026", "012/2026": a petition number, or its start. */
const NUMBER = /^0*(\d+)(\/\d*)?$/;

/** What was typed, folded, its punctuation and a leading "Gợi ý:", "Đơn số" (as the list
 * writes a petition) dropped. */
export function pickerQuery(query: string): string {
  return fold(query)
    .replace(/[,.;:·…"“”()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^goi y\s*/, '')
    .replace(/^don so\s*/, '');
}

/** Whether a choice matches the query `q` (made by [`pickerQuery`], non-empty). */
function matches(c: IndexedChoice, q: string, words: string[]): boolean {
  const number = NUMBER.exec(q);
  if (number) {
    // "1" finds 1/2026 and 1/2025, not 12/2026.
    const n = `${number[1]}${number[2] ?? '/'}`;
    return c.number.startsWith(n);
  }
  return words.every((w) => c.text.includes(w));
}

/**
 * The choices matching `query`, in the list's order: at most `limit` of them, and how
 * many match in all. An empty query matches every choice.
 */
export function matchChoices(
  index: IndexedChoice[],
  query: string,
  limit: number = PICKER_SHOWN,
): { shown: PickerChoice[]; total: number } {
  const q = pickerQuery(query);
  const words = q.split(' ');
  const shown: PickerChoice[] = [];
  let total = 0;
  for (const c of index) {
    if (q === '' || matches(c, q, words)) {
      total += 1;
      if (shown.length < limit) shown.push(c.choice);
    }
  }
  return { shown, total };
}

export function shortContent(text: string, max = 110): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** "Nguyễn Văn A", "Nguyễn Văn A, Trần Thị B", "Nguyễn Văn A, Trần Thị B và 3 người khác";
 * '' for a petition nobody signed (anonymous). */
export function petitionersLabel(names: string[]): string {
  const shown = names.slice(0, 2).join(', ');
  return names.length > 2 ? `${shown} và ${names.length - 2} người khác` : shown;
}

/** "Gợi ý: Đơn số 12/2026 · Nguyễn Văn A · Khiếu nại quyết định…" */
export function choiceLabel(c: PickerChoice): string {
  const who = petitionersLabel(c.petitioners);
  return `${c.reason !== null ? 'Gợi ý: ' : ''}Đơn số ${c.number}${who ? ` · ${who}` : ''} · ${shortContent(c.content)}`;
}

/** Under the list: how many are shown of how many match, and how to narrow them. */
export function pickerSummary(shown: number, total: number, query: string): string {
  if (total === 0) {
    return query.trim() === ''
      ? 'Không có đơn nào để chọn.'
      : `Không có đơn nào khớp với “${query.trim()}”. Gõ số đơn (ví dụ 12/2026), tên người đứng đơn hoặc vài chữ của nội dung.`;
  }
  if (shown < total) {
    return `Hiện ${shown} trong ${total.toLocaleString('vi-VN')} đơn khớp: gõ số đơn, tên người đứng đơn hoặc vài chữ của nội dung để thu hẹp.`;
  }
  return `${total} đơn khớp. Mũi tên lên/xuống để chọn, Enter để lấy, Esc để đóng.`;
}

/** The list's tallest and shortest heights, and the gap kept to the visible area's
 * edge (px). */
export const LIST_MAX = 280;
export const LIST_MIN = 120;
const MARGIN = 8;

/**
 * Where the open list goes: below the input (`box`, its top and bottom) unless the
 * visible area (`area`: the page under the top bar) has too little room there and more
 * above; its height within that room, less its line (`hint`), never under `LIST_MIN`.
 */
export function placeList(
  box: { top: number; bottom: number },
  area: { top: number; bottom: number },
  hint: number,
): { above: boolean; height: number } {
  const below = area.bottom - box.bottom - MARGIN;
  const over = box.top - area.top - MARGIN;
  const above = below < LIST_MIN + hint && over > below;
  return { above, height: Math.max(LIST_MIN, Math.min(LIST_MAX, (above ? over : below) - hint)) };
}

/** Why a step is not recorded while a picker holds typing that names no petition yet. */
export function pendingMessage(typed: string): string {
  return `Chưa chọn đơn: “${typed}” chưa phải một đơn trong danh sách. Chọn đơn bằng mũi tên và Enter (hoặc bấm chuột), hoặc xóa trắng ô.`;
}
