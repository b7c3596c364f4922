// Layout of the hand-made SVG bar chart (no chart library).
import type { WeekPoint } from './bindings/WeekPoint';
import { formatDayMonth, formatRange } from './dates';

/** A round upper bound for the axis: 1, 2, 5, 10, 20, 50... at least 1. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const mag = Math.pow(10, Math.floor(Math.log10(max)));
  for (const step of [1, 2, 5, 10]) {
    if (step * mag >= max) return step * mag;
  }
  return 10 * mag;
}

export interface ChartBox {
  width: number;
  height: number;
  /** Room above the plot (value labels) and below it (axis labels). */
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Fraction of each slot left empty between bars (0..1). */
  gap: number;
}

export interface Bar {
  index: number;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Centre of the slot, for the labels. */
  cx: number;
}

export function barLayout(values: number[], box: ChartBox): { bars: Bar[]; max: number; baseline: number } {
  const max = niceMax(Math.max(0, ...values));
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const baseline = box.top + plotH;
  const slot = values.length > 0 ? plotW / values.length : plotW;
  const barW = slot * (1 - box.gap);
  const bars = values.map((raw, index) => {
    const value = Math.max(0, raw);
    const h = (value / max) * plotH;
    const x = box.left + index * slot + (slot - barW) / 2;
    return { index, value, x, y: baseline - h, width: barW, height: h, cx: box.left + index * slot + slot / 2 };
  });
  return { bars, max, baseline };
}

export interface ChartPoint {
  label: string;
  value: number;
  /** Read out and shown as a tooltip: "Tuần 02/03/2026 – 08/03/2026: 5 lượt tiếp". */
  title: string;
}

/**
 * The 12-week chart's bars: each week's visits, labelled by its Monday; the week that has
 * not ended yet is marked ("*") and its tooltip says it counts to today, so a short bar is
 * not read as a quiet week.
 */
export function weekPoints(weeks: WeekPoint[], todayIso: string): ChartPoint[] {
  return weeks.map((w) => {
    const partial = w.period.to >= todayIso;
    return {
      label: formatDayMonth(w.period.from) + (partial ? '*' : ''),
      value: w.visits,
      title:
        `Tuần ${formatRange(w.period.from, w.period.to)}${partial ? ' (đến hôm nay)' : ''}: ` +
        `${w.visits} lượt tiếp, ${w.people} người, ${w.petitions} đơn`,
    };
  });
}

/** Whether the last week of the chart is still under way (the hint then says what "*" means). */
export function lastWeekPartial(weeks: WeekPoint[], todayIso: string): boolean {
  const last = weeks[weeks.length - 1];
  return last !== undefined && last.period.to >= todayIso;
}
