// Looking at a screen as a user would, at a given window size: a screenshot, and a
// check that nothing visible is cut off (text wider than its box, the page wider than
// the window). Used by the petition tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const outDir = new URL('./out/', import.meta.url).pathname;

/** Resize the window (WebDriver window rect) and wait until the page has the new width. */
export async function resize(s, width, height) {
  await s.cmd('POST', '/window/rect', { width, height });
  await s.waitFor(`a ${width}×${height} window`, async () => {
    const w = await s.execute('return window.innerWidth;');
    return Math.abs(w - width) <= 16;
  });
  await sleep(300);
}

/** Visible elements whose text or content overflows their box horizontally. */
export async function cutOff(s) {
  return s.execute(`
    const out = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) out.push('page ' + doc.scrollWidth + '>' + doc.clientWidth);
    const main = document.querySelector('main');
    if (main && main.scrollWidth > main.clientWidth + 1) out.push('main ' + main.scrollWidth + '>' + main.clientWidth);
    for (const tr of document.querySelectorAll('main tr')) {
      if (tr.offsetParent !== null && getComputedStyle(tr).display !== 'table-row') out.push('a table row laid out as ' + getComputedStyle(tr).display);
    }
    const sel = 'main button, main input[type=text], main select, main th, main td, main dd, main dt, main h2, main h3, main h4, main label, main legend, main .pill';
    for (const el of document.querySelectorAll(sel)) {
      if (el.offsetParent === null) continue;
      const cs = getComputedStyle(el);
      if (cs.textOverflow === 'ellipsis') continue;
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
        out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + (el.value || el.textContent || '').trim().slice(0, 40) + '" ' + el.scrollWidth + '>' + el.clientWidth);
      }
      const r = el.getBoundingClientRect();
      if (r.right > doc.clientWidth + 1) out.push(el.tagName.toLowerCase() + ' beyond the right edge: "' + (el.textContent || '').trim().slice(0, 40) + '"');
    }
    return out;
  `);
}

/** Save a screenshot under e2e/out/. */
export async function shot(s, name) {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, `${name}.png`), await s.screenshot());
}
