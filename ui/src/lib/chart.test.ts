import { describe, expect, it } from 'vitest';
import { barLayout, lastWeekPartial, niceMax, weekPoints, type ChartBox } from './chart';

const box: ChartBox = { width: 620, height: 240, top: 20, bottom: 40, left: 10, right: 10, gap: 0.3 };

describe('niceMax', () => {
  it('rounds up to 1, 2, 5 times a power of ten', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(1)).toBe(1);
    expect(niceMax(3)).toBe(5);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(10)).toBe(10);
    expect(niceMax(11)).toBe(20);
    expect(niceMax(36)).toBe(50);
    expect(niceMax(120)).toBe(200);
  });
});

describe('barLayout', () => {
  it('scales heights to the axis maximum and keeps bars in the box', () => {
    const { bars, max, baseline } = barLayout([0, 5, 10, 3], box);
    expect(max).toBe(10);
    expect(baseline).toBe(200);
    expect(bars.map((b) => b.height)).toEqual([0, 90, 180, 54]);
    for (const b of bars) {
      expect(b.y + b.height).toBeCloseTo(200);
      expect(b.x).toBeGreaterThanOrEqual(box.left);
      expect(b.x + b.width).toBeLessThanOrEqual(box.width - box.right + 1e-9);
      expect(b.y).toBeGreaterThanOrEqual(box.top);
    }
  });
  it('spaces the bars evenly, left to right', () => {
    const { bars } = barLayout(new Array(12).fill(1), box);
    expect(bars).toHaveLength(12);
    const slot = 600 / 12;
    bars.forEach((b, i) => expect(b.cx).toBeCloseTo(10 + slot * i + slot / 2));
    expect(bars[0].width).toBeCloseTo(slot * 0.7);
  });
  it('draws nothing for an all-zero series and ignores negatives', () => {
    const { bars, max } = barLayout([0, 0, -3], box);
    expect(max).toBe(1);
    expect(bars.every((b) => b.height === 0)).toBe(true);
  });
});

describe('weekPoints', () => {
  const week = (from: string, to: string, visits: number) => ({
    period: { from, to },
    visits,
    people: visits + 1,
    petitions: 1,
    chairman_visits: 0,
  });
  const weeks = [week('2026-11-23', '2026-11-29', 9), week('2026-11-30', '2026-12-06', 3)];
  it('marks the week not over and says it counts to today', () => {
    const p = weekPoints(weeks, '2026-12-03');
    expect(p.map((x) => x.label)).toEqual(['23/11', '30/11*']);
    expect(p[1].title).toBe('Tuần 30/11/2026 – 06/12/2026 (đến hôm nay): 3 lượt tiếp, 4 người, 1 đơn');
    expect(p[0].title).toBe('Tuần 23/11/2026 – 29/11/2026: 9 lượt tiếp, 10 người, 1 đơn');
    expect(lastWeekPartial(weeks, '2026-12-03')).toBe(true);
  });
  it('marks nothing once the week is over', () => {
    expect(weekPoints(weeks, '2026-12-07').map((x) => x.label)).toEqual(['23/11', '30/11']);
    expect(lastWeekPartial(weeks, '2026-12-07')).toBe(false);
    expect(lastWeekPartial([], '2026-12-07')).toBe(false);
  });
});
