// The first start: the ward names itself ("phường Việt Hòa") before anything else, so the
// top bar and every report sentence carry its name from the first day.
import type { ErrorDto } from './bindings/ErrorDto';
import type { Settings } from './bindings/Settings';
import { localError } from './errors';

/** The level words alone ("phường"): what the register is named before the ward says. */
const LEVELS = ['phường', 'xã', 'thị trấn', 'đặc khu'];

const isLevelOnly = (name: string) => LEVELS.includes(name.trim().toLocaleLowerCase('vi').replace(/\s+/g, ' '));

/** The name the dialog starts with: the saved one, unless it is only the default level word. */
export function initialUnitName(saved: string): string {
  return isLevelOnly(saved) ? '' : saved.trim();
}

/** The name typed, or why it cannot be used yet (the core refuses an empty one too). */
export function checkUnitName(typed: string): { name: string } | { error: ErrorDto } {
  const name = typed.trim().replace(/\s+/g, ' ');
  if (name === '') {
    return { error: localError('unit_name', 'Tên đơn vị: ghi tên phường, xã, ví dụ “phường Việt Hòa”.') };
  }
  if (isLevelOnly(name)) {
    return { error: localError('unit_name', `Tên đơn vị: ghi cả tên, ví dụ “${name} Việt Hòa”, không chỉ “${name}”.`) };
  }
  return { name };
}

/** The settings saved when the first start is answered (the sample is offered only once). */
export function firstStartSettings(base: Settings, unitName: string): Settings {
  return { ...base, unit_name: unitName, sample_offered: true };
}
