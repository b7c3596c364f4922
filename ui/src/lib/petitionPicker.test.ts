import { describe, expect, it } from 'vitest';
import type { PetitionChoice } from './bindings/PetitionChoice';
import { fold } from './fold';
import {
  choiceLabel,
  indexChoices,
  matchChoices,
  pendingMessage,
  petitionersLabel,
  pickerChoices,
  placeList,
  pickerSummary,
} from './petitionPicker';

const choice = (
  id: string,
  number: string,
  content: string,
  duplicate_of: string | null = null,
  petitioners: string[] = [],
  first_round_id: string | null = null,
): PetitionChoice => ({
  id,
  number,
  content,
  petitioners,
  duplicate_of,
  first_round_id,
});

const MASKED = 'Người tố cáo (được bảo mật)';

const list = [
  choice('p12', '12/2026', 'Khiếu nại quyết định thu hồi đất của hộ bà Lan', null, ['Nguyễn Thị Lan']),
  choice('p3', '3/2026', 'Kiến nghị sửa đường ngõ 5', null, ['Trần Văn Hùng', 'Lê Thị Hoa']),
  choice('p2', '2/2026', 'Gửi lại đơn về việc thu hồi đất', 'p12', ['Nguyễn Thị Lan']),
  choice('p1', '1/2026', 'Tố cáo cán bộ địa chính', null, [MASKED]),
  choice('p11', '1/2025', 'Phản ánh tiếng ồn quán karaoke'),
];

const ids = (shown: { id: string }[]) => shown.map((c) => c.id);

describe('the petitions a picker offers', () => {
  it('never offers the petition being moved, nor a duplicate as an original; suggestions first', () => {
    const hints = new Map([['p1', 'Cùng người đứng đơn, nội dung tương tự']]);
    const offered = pickerChoices(list, 'p3', true, hints);
    expect(ids(offered)).toEqual(['p1', 'p12', 'p11']);
    // Suggestions in the core's order (likeliest first), not the list's.
    const ranked = new Map([
      ['p11', 'Cùng người đứng đơn, nội dung tương tự'],
      ['p12', 'Cùng người bị khiếu nại, tố cáo và nội dung tương tự'],
    ]);
    expect(ids(pickerChoices(list, 'p3', true, ranked))).toEqual(['p11', 'p12', 'p1']);
    expect(offered[0].reason).toBe('Cùng người đứng đơn, nội dung tương tự');
    expect(offered[1].reason).toBeNull();
    // The first round of a complaint may be any petition but itself.
    expect(ids(pickerChoices(list, 'p3', false))).toEqual(['p12', 'p2', 'p1', 'p11']);
  });

  it('offers no second-round complaint as a first round', () => {
    const rounds = [...list, choice('p13', '13/2026', 'Khiếu nại lần hai', null, ['Nguyễn Thị Lan'], 'p12')];
    expect(ids(pickerChoices(rounds, 'p3', true, new Map(), true))).toEqual(['p12', 'p1', 'p11']);
    // As an original of a duplicate, it is offered.
    expect(ids(pickerChoices(rounds, 'p3', true))).toEqual(['p12', 'p1', 'p11', 'p13']);
  });

  it('labels a choice by number, petitioners and content, a suggestion marked', () => {
    const [suggested, plain] = pickerChoices(list, 'x', false, new Map([['p3', 'Nội dung gần giống']]));
    expect(choiceLabel(suggested)).toBe(
      'Gợi ý: Đơn số 3/2026 · Trần Văn Hùng, Lê Thị Hoa · Kiến nghị sửa đường ngõ 5',
    );
    expect(choiceLabel(plain)).toBe(
      'Đơn số 12/2026 · Nguyễn Thị Lan · Khiếu nại quyết định thu hồi đất của hộ bà Lan',
    );
    const long = choiceLabel({ id: 'x', number: '9/2026', content: 'a'.repeat(120), petitioners: [], reason: null });
    expect(long).toBe(`Đơn số 9/2026 · ${'a'.repeat(110)}…`);
  });

  it('names at most two petitioners, and counts the others', () => {
    expect(petitionersLabel([])).toBe('');
    expect(petitionersLabel(['A'])).toBe('A');
    expect(petitionersLabel(['A', 'B'])).toBe('A, B');
    expect(petitionersLabel(['A', 'B', 'C', 'D'])).toBe('A, B và 2 người khác');
  });
});

describe('matching what the officer types', () => {
  const index = indexChoices(pickerChoices(list, 'none', false));

  it('lists every choice, in order, for an empty query', () => {
    expect(matchChoices(index, '  ')).toEqual({ shown: index.map((c) => c.choice), total: 5 });
  });

  it('finds a number by its start: "1" is 1/2026 and 1/2025, not 12/2026', () => {
    expect(ids(matchChoices(index, '1').shown)).toEqual(['p1', 'p11']);
    expect(ids(matchChoices(index, '1/').shown)).toEqual(['p1', 'p11']);
    expect(ids(matchChoices(index, '12').shown)).toEqual(['p12']);
    expect(ids(matchChoices(index, '1/2025').shown)).toEqual(['p11']);
    expect(ids(matchChoices(index, ' 2/2026 ').shown)).toEqual(['p2']);
    expect(matchChoices(index, '7').total).toBe(0);
  });

  it('reads a number as the list writes it, and leading zeros', () => {
    expect(ids(matchChoices(index, 'Đơn số 1').shown)).toEqual(['p1', 'p11']);
    expect(ids(matchChoices(index, 'don so 12/2026').shown)).toEqual(['p12']);
    expect(ids(matchChoices(index, '01/2026').shown)).toEqual(['p1']);
  });

  it("finds a choice by its own label, and ignores punctuation", () => {
    const label = choiceLabel(index[0].choice);
    expect(ids(matchChoices(index, label).shown)).toEqual(['p12']);
    const suggested = choiceLabel({ ...index[1].choice, reason: 'Nội dung gần giống' });
    expect(ids(matchChoices(index, suggested).shown)).toEqual(['p3']);
    expect(ids(matchChoices(index, 'thu hoi, dat').shown)).toEqual(['p12', 'p2']);
  });

  it("finds a petitioner's name, every one of them; a denunciator only by the mask the core sends", () => {
    expect(ids(matchChoices(index, 'nguyen thi lan').shown)).toEqual(['p12', 'p2']);
    expect(ids(matchChoices(index, 'hoa le').shown)).toEqual(['p3']);
    // A name and words of the content together.
    expect(ids(matchChoices(index, 'lan gui lai').shown)).toEqual(['p2']);
    // The core sends a denunciator masked: only the mask is there to find.
    expect(ids(matchChoices(index, 'bao mat').shown)).toEqual(['p1']);
  });

  it('finds words of the content, diacritics-blind and in any order', () => {
    expect(ids(matchChoices(index, 'thu hoi').shown)).toEqual(['p12', 'p2']);
    expect(ids(matchChoices(index, 'ĐẤT  thu').shown)).toEqual(['p12', 'p2']);
    expect(ids(matchChoices(index, 'dia chinh').shown)).toEqual(['p1']);
    expect(ids(matchChoices(index, 'hộ bà').shown)).toEqual(['p12']);
    // Words with a number: the number is part of the text.
    expect(ids(matchChoices(index, 'ngo 5').shown)).toEqual(['p3']);
    expect(matchChoices(index, 'thu hoi xe').total).toBe(0);
  });

  it('shows at most the limit, and counts every match', () => {
    const many = indexChoices(
      Array.from({ length: 1000 }, (_, i) => ({
        id: `m${i}`,
        number: `${1000 - i}/2026`,
        content: i % 2 === 0 ? 'Đất đai' : 'Môi trường',
        petitioners: [],
        reason: null,
      })),
    );
    const all = matchChoices(many, '');
    expect(all.shown).toHaveLength(30);
    expect(all.total).toBe(1000);
    const land = matchChoices(many, 'dat', 10);
    expect(land.total).toBe(500);
    expect(ids(land.shown)).toEqual(['m0', 'm2', 'm4', 'm6', 'm8', 'm10', 'm12', 'm14', 'm16', 'm18']);
  });

  it('folds as the other searches do', () => {
    expect(fold('Đơn Thư Tết')).toBe('don thu tet');
  });
});

describe('the line under the list', () => {
  it('says how many are shown and how to narrow them', () => {
    expect(pickerSummary(30, 96000, '')).toBe(
      'Hiện 30 trong 96.000 đơn khớp: gõ số đơn, tên người đứng đơn hoặc vài chữ của nội dung để thu hẹp.',
    );
    expect(pickerSummary(2, 2, 'thu')).toBe('2 đơn khớp. Mũi tên lên/xuống để chọn, Enter để lấy, Esc để đóng.');
    expect(pickerSummary(0, 0, ' xe ')).toBe(
      'Không có đơn nào khớp với “xe”. Gõ số đơn (ví dụ 12/2026), tên người đứng đơn hoặc vài chữ của nội dung.',
    );
    expect(pickerSummary(0, 0, '')).toBe('Không có đơn nào để chọn.');
  });
});

describe('where the open list goes', () => {
  const area = { top: 48, bottom: 640 };
  it('below the box when there is room, as tall as allowed', () => {
    expect(placeList({ top: 300, bottom: 330 }, area, 30)).toEqual({ above: false, height: 272 });
    expect(placeList({ top: 100, bottom: 130 }, area, 30)).toEqual({ above: false, height: 280 });
  });

  it('above the box near the bottom of the page, within the room there', () => {
    // 640 - 600 - 8 = 32 below; 550 - 48 - 8 = 494 above.
    expect(placeList({ top: 550, bottom: 600 }, area, 30)).toEqual({ above: true, height: 280 });
    // Little room either way: the side with more, never under the shortest list.
    expect(placeList({ top: 200, bottom: 230 }, { top: 48, bottom: 400 }, 30)).toEqual({ above: false, height: 132 });
    expect(placeList({ top: 250, bottom: 280 }, { top: 48, bottom: 400 }, 30)).toEqual({ above: true, height: 164 });
  });

  it('measures above from the top of the page, not of the window (the top bar)', () => {
    // 122 below; 42 above under the top bar (192 from the window's top: that would wrongly
    // open it above, behind the bar).
    const { above, height } = placeList({ top: 200, bottom: 230 }, { top: 150, bottom: 360 }, 30);
    expect(above).toBe(false);
    expect(height).toBe(120);
    expect(placeList({ top: 200, bottom: 230 }, { top: 0, bottom: 360 }, 30).above).toBe(true);
  });
});

describe('typing not yet taken as a petition', () => {
  it('is named in the refusal, with the way out', () => {
    expect(pendingMessage('thu hoi')).toBe(
      'Chưa chọn đơn: “thu hoi” chưa phải một đơn trong danh sách. Chọn đơn bằng mũi tên và Enter (hoặc bấm chuột), hoặc xóa trắng ô.',
    );
  });
});
