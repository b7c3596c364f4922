// End to end: the Ctrl+K search box on the sample data. A name typed without diacritics
// finds the citizen; a few words of a visit's content find a case about them, whose page
// lists its visits and opens the register; a petition's number opens it on the Đơn thư screen; Esc
// gives the focus back where it was.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEY, Session, startDriver } from './webdriver.mjs';
import { firstStart } from './access.mjs';

const PORT = Number(process.env.E2E_PORT ?? 5210);
const outDir = new URL('./out/', import.meta.url).pathname;
const ESC = '\uE00C';
const CTRL = KEY.ctrl;
let driver;
let s;

before(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tiepdan-e2e-'));
  driver = await startDriver(PORT, { ...process.env, TIEPDAN_DB: join(dataDir, 'search.sqlite3') });
  s = await Session.create(PORT, process.env.TIEPDAN_APP);
  await firstStart(s, { unit: 'phường Việt Hòa', sample: true });
});

after(async () => {
  if (s) {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'search-last.png'), await s.screenshot().catch(() => Buffer.alloc(0)));
  }
  await s?.close().catch(() => {});
  driver?.kill();
});

/** What an officer types who leaves out the marks: "Nguyễn Văn Đức" → "nguyen van duc". */
const fold = (text) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

/** Keys pressed together wherever the focus is (real key events through WebDriver actions). */
async function chord(...keys) {
  const actions = [
    ...keys.map((value) => ({ type: 'keyDown', value })),
    ...[...keys].reverse().map((value) => ({ type: 'keyUp', value })),
  ];
  await s.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
  await s.cmd('DELETE', '/actions').catch(() => {});
}

const ctrlK = () => chord(CTRL, 'k');
const TAB = '\uE004';
const SHIFT = '\uE008';
const focusInBox = () => s.execute(`return document.activeElement?.closest('[role=dialog]')?.querySelector('#search-input') != null;`);

async function shot(name) {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, `${name}.png`), await s.screenshot());
}

const paletteOpen = () => s.execute(`return document.querySelector('[role=dialog] #search-input') !== null;`);

/** The search box's groups and options, as shown. */
const shown = () =>
  s.execute(`
    const box = document.querySelector('#search-results');
    if (!box || box.hidden) return null;
    return {
      groups: [...box.querySelectorAll('[role=group]')].map((g) => document.getElementById(g.getAttribute('aria-labelledby')).textContent.trim()),
      options: [...box.querySelectorAll('[role=option]')].map((o) => ({
        id: o.id,
        group: document.getElementById(o.closest('[role=group]').getAttribute('aria-labelledby')).textContent.trim(),
        title: o.querySelector('.title').textContent.trim(),
        text: o.textContent.replace(/\\s+/g, ' ').trim(),
        selected: o.getAttribute('aria-selected') === 'true',
      })),
      active: document.getElementById('search-input').getAttribute('aria-activedescendant'),
      status: document.getElementById('search-status').textContent.replace(/\\s+/g, ' ').trim(),
    };`);

/** Type `query` and wait for an answer that satisfies `ok`. */
async function search(query, what, ok) {
  await s.type('Tìm trong sổ', query);
  return s.waitFor(what, async () => {
    const r = await shown();
    return r && r.status.includes(`“${query}”`) && ok(r) ? r : null;
  });
}

/** Walk with the arrow keys to option `index` (the first is highlighted), checking each step. */
async function arrowTo(index) {
  for (let i = 0; i < index; i++) {
    await s.keys('Tìm trong sổ', KEY.down);
    await s.waitFor(`highlight on option ${i + 1}`, async () => {
      const r = await shown();
      return r.options[i + 1].selected && r.active === r.options[i + 1].id;
    });
  }
}

const currentTab = () => s.execute(`return document.querySelector('nav [aria-current=page]')?.textContent.trim() ?? null;`);

/** The visits of a session on the register (citizen, content): the first session, today's
 * or an earlier one, with a visit `wanted` accepts. */
async function registerVisits(wanted) {
  await s.click('Sổ tiếp dân');
  const seen = new Set();
  return s.waitFor('a session with the visit wanted', async () => {
    const shown = await s.execute(`
      const selected = document.querySelector('[data-session-id][aria-current=true]')?.dataset.sessionId ?? null;
      const sec = [...document.querySelectorAll('main .screen:not([hidden]) section')]
        .find((x) => /^Các lượt tiếp trong buổi/.test(x.querySelector('h3')?.textContent ?? ''));
      const table = sec?.querySelector('table');
      if (!table) return { selected, rows: [] };
      const heads = [...table.querySelectorAll('thead th')].map((h) => h.textContent.trim());
      const col = (name) => heads.indexOf(name);
      return { selected, rows: [...table.querySelectorAll('tbody tr')].map((tr) => {
        const cells = [...tr.children];
        return {
          // Each name is a button that opens the person's page.
          person: [...cells[col('Công dân')].querySelectorAll('.person-link')].map((b) => b.textContent.trim()).join(', '),
          content: cells[col('Nội dung')].textContent.trim(),
        };
      }) };`);
    if (shown.rows.some(wanted)) return shown.rows;
    // Not in the session shown (today's may hold none, or only a masked denunciator: the
    // sample's sessions follow today's date): open the next one with visits.
    if (shown.selected) seen.add(shown.selected);
    await s.execute(
      `const b = [...document.querySelectorAll('[data-session-id]')]
         .find((e) => /\\d+ lượt/.test(e.textContent) && !arguments[0].includes(e.dataset.sessionId));
       b?.click();`,
      [...seen],
    );
    return null;
  });
}

let person;
let content;
const MASKED = 'Người tố cáo (được bảo mật)';

test('a name typed without diacritics finds the citizen; Esc gives the focus back', async () => {
  // A citizen whose name has marks; not a denunciator, shown masked and never found by name.
  const wanted = (v) => v.person !== '' && !v.person.includes(MASKED) && fold(v.person) !== v.person.toLowerCase();
  const visits = await registerVisits(wanted);
  const named = visits.find(wanted);
  assert.ok(named, `a citizen whose name has marks is on the register (${JSON.stringify(visits)})`);
  person = named.person.split(',')[0].trim();
  content = named.content;

  // From the visit form's lookup, as an officer at the desk would.
  const lookup = 'Tìm công dân (tên hoặc số căn cước)';
  await s.click(lookup);
  await ctrlK();
  await s.waitFor('the search box', paletteOpen);
  assert.equal(await s.execute(`return document.activeElement?.id;`), 'search-input', 'the focus is in the box');

  const query = fold(person);
  assert.notEqual(query, person.toLowerCase());
  const r = await search(query, `"${person}" among the citizens`, (r) =>
    r.options.some((o) => o.group === 'Công dân' && o.title === person),
  );
  const order = ['Công dân', 'Đơn', 'Lượt tiếp', 'Vụ việc'];
  assert.deepEqual(
    r.groups,
    order.filter((g) => r.groups.includes(g)),
    'groups in the order Công dân, Đơn, Lượt tiếp, Vụ việc',
  );
  assert.equal(r.groups[0], 'Công dân');
  assert.ok(r.options[0].selected, 'the first hit is highlighted');
  await shot('search-person');

  // The box is modal: Tab and Shift+Tab stay inside it.
  await chord(TAB);
  assert.equal(await s.execute(`return document.activeElement?.textContent.replace(/\\s+/g, ' ').trim();`), 'Đóng Esc');
  await chord(TAB);
  assert.equal(await s.execute(`return document.activeElement?.id;`), 'search-input');
  await chord(SHIFT, TAB);
  assert.ok(await focusInBox(), 'Shift+Tab does not leave the box');

  await s.keys('Tìm trong sổ', ESC);
  await s.waitFor('the box closed', async () => !(await paletteOpen()));
  const back = await s.execute(
    `const l = [...document.querySelectorAll('label')].find((x) => x.textContent.trim() === arguments[0]);
     return document.activeElement === document.getElementById(l.htmlFor);`,
    lookup,
  );
  assert.ok(back, 'Esc gave the focus back to the lookup');
  assert.equal(await currentTab(), 'Sổ tiếp dân');
});

test("a visit's words find a case about them: its page lists its visits and opens the register", async () => {
  // From another screen, with the focus on nothing in particular.
  await s.click('Tổng hợp');
  await s.waitFor('Tổng hợp', async () => (await currentTab()) === 'Tổng hợp');
  await ctrlK();
  await s.waitFor('the search box', paletteOpen);

  const words = fold(content).split(/\s+/).slice(-4).join(' ');
  const r = await search(words, 'a case', (r) => r.options.some((o) => o.group === 'Vụ việc'));
  const index = r.options.findIndex((o) => o.group === 'Vụ việc');
  const hit = r.options[index];
  await arrowTo(index);
  await s.keys('Tìm trong sổ', KEY.enter);

  await s.waitFor('the box closed', async () => !(await paletteOpen()));
  const summary = await s.textOf('[data-testid="case-summary"]');
  assert.ok(summary.startsWith(hit.title.replace(/…$/, '')), `the case page shows "${hit.title}" (${summary})`);
  assert.ok(
    words.split(' ').every((w) => fold(summary).includes(w)),
    `the case is about "${words}" (${summary})`,
  );
  assert.equal(await s.execute(`return document.activeElement?.id;`), 'case-title', 'the focus is on the case page');
  const visitRows = await s.execute(`return document.querySelectorAll('[role=dialog] tr[data-visit-id]').length;`);
  assert.ok(visitRows >= 1, 'the case lists its visits');
  await shot('search-case');

  // Esc closes the page; the screen under it is still Tổng hợp.
  await s.keys('Đóng Esc', ESC);
  await s.waitFor('the case page closed', async () =>
    s.execute(`return document.querySelector('[data-testid="case-summary"]') === null;`),
  );
  assert.equal(await currentTab(), 'Tổng hợp');

  // Again, and this time open the visit in the register.
  await ctrlK();
  await s.waitFor('the search box', paletteOpen);
  await search(words, 'a case', (r) => r.options.some((o) => o.group === 'Vụ việc'));
  await arrowTo(index);
  await s.keys('Tìm trong sổ', KEY.enter);
  await s.css('[data-testid="case-summary"]');
  const open = await s.execute(`return [...document.querySelectorAll('[role=dialog] tr[data-visit-id] button')][0];`);
  await s.cmd('POST', `/element/${Object.values(open)[0]}/click`, {});
  await s.waitFor('the register', async () => (await currentTab()) === 'Sổ tiếp dân');
  assert.equal(await s.execute(`return document.querySelector('[data-testid="case-summary"]');`), null, 'the case page closed');
});

test('picking a citizen opens the person page in place of the case page', async () => {
  // Open a case page first (from the top bar's button this time).
  await s.click('Tìm (Ctrl+K)');
  await s.waitFor('the search box', paletteOpen);
  const words = fold(content).split(/\s+/).slice(-4).join(' ');
  const r = await search(words, 'a case', (r) => r.options.some((o) => o.group === 'Vụ việc'));
  await arrowTo(r.options.findIndex((o) => o.group === 'Vụ việc'));
  await s.keys('Tìm trong sổ', KEY.enter);
  await s.css('[data-testid="case-summary"]');

  await ctrlK();
  await s.waitFor('the search box', paletteOpen);
  const found = await search(fold(person), `"${person}"`, (r) => r.options.some((o) => o.title === person));
  const index = found.options.findIndex((o) => o.title === person && o.group === 'Công dân');
  await arrowTo(index);
  await s.keys('Tìm trong sổ', KEY.enter);
  await s.waitFor('the box closed', async () => !(await paletteOpen()));
  await s.waitFor('the case page closed', async () =>
    s.execute(`return document.querySelector('[data-testid="case-summary"]') === null;`),
  );
  // The person page shows the citizen.
  await s.waitFor('the person page', async () =>
    s.execute(
      `return [...document.querySelectorAll('[role=dialog]')].some((d) => d.textContent.includes(arguments[0]));`,
      person,
    ),
  );
});

test("a petition's number opens it on the Đơn thư screen", async () => {
  // The person page opened by the previous test is modal: close it with its own button.
  if (await s.execute(`return document.querySelector('[role=dialog]') !== null;`)) {
    await s.click('Đóng');
    await s.waitFor('the page closed', async () => s.execute(`return document.querySelector('[role=dialog]') === null;`));
  }
  await s.click('Đơn thư');
  const number = await s.waitFor('a petition in the list', () =>
    s.execute(`return document.querySelector('tr[data-petition-number]')?.getAttribute('data-petition-number') ?? null;`),
  );
  assert.match(number, /^\d+\/\d{4}$/);
  await s.click('Tổng quan');
  await s.waitFor('Tổng quan', async () => (await currentTab()) === 'Tổng quan');

  await ctrlK();
  await s.waitFor('the search box', paletteOpen);
  const r = await search(number, `petition ${number}`, (r) => r.options.some((o) => o.group === 'Đơn'));
  const index = r.options.findIndex((o) => o.group === 'Đơn');
  assert.match(r.options[index].title, new RegExp(`^Đơn số ${number} `));
  await arrowTo(index);
  await s.keys('Tìm trong sổ', KEY.enter);
  await s.waitFor('the Đơn thư screen', async () => (await currentTab()) === 'Đơn thư');
  assert.equal(await paletteOpen(), false);
  assert.ok(
    await s.execute(`return document.querySelector('main .screen:not([hidden])')?.contains(document.activeElement);`),
    'the focus moved to the Đơn thư screen',
  );
  await shot('search-petition');
});
