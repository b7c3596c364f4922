// End to end: the window stays usable while a long export runs. On a generated ward
// register of ten years (≈20,000 visits, made by the command line), the report writer
// exports the whole Sổ from Tổng hợp; while the export is still reading its figures
// ("Đang chuẩn bị…"), the officer opens Sổ tiếp dân, sees the sessions and looks at another
// week; then the export's progress bar moves and the file is written.
// The order of events is recorded in the page itself (no timing threshold): the other
// screen answers twice before the export has finished reading. When a long read holds the
// register (as it did before reports read on a second handle), the first answer comes
// only once the reading is over, and the progress bar has moved before the second.
// Then Đơn thư, on the same register (≈14,000 petitions), shows its first 200 rows, says
// how many match, and adds 200 at a time.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { KEY, Session, startDriver } from './webdriver.mjs';
import { firstStart } from './access.mjs';

const PORT = Number(process.env.E2E_PORT ?? 5760);
const CLI = process.env.TIEPDAN_CLI ?? join(dirname(process.env.TIEPDAN_APP ?? ''), 'tiepdan');
const outDir = new URL('./out/', import.meta.url).pathname;
let driver;
let s;
let exportDir;
let petitions;

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tiepdan-e2e-busy-'));
  const db = join(dir, 'phuong.sqlite3');
  const file = join(dir, 'phuong.json');
  exportDir = join(dir, 'xuat');
  const env = { ...process.env };
  delete env.TIEPDAN_USER;
  const cli = (...args) => execFileSync(CLI, args, { env, encoding: 'utf8', maxBuffer: 1 << 26 });
  cli('generate', '--scale', 'ward', '--seed', '9', '--until', '2026-11-27', '--out', file);
  const said = cli('--db', db, 'import', file);
  petitions = Number(/(\d+) đơn;/.exec(said)?.[1]);
  assert.ok(petitions > 1000, said);
  driver = await startDriver(PORT, {
    ...process.env,
    TIEPDAN_DB: db,
    TIEPDAN_TODAY: '2026-11-30',
    TIEPDAN_EXPORT_DIR: exportDir,
  });
  s = await Session.create(PORT, process.env.TIEPDAN_APP);
  mkdirSync(outDir, { recursive: true });
});

after(async () => {
  await s?.close().catch(() => {});
  driver?.kill();
});

test('another screen opens and answers while the whole Sổ of ten years is exported', async (t) => {
  await firstStart(s, { unit: 'phường Việt Hòa', records: true, leader: true });
  await s.click('Tổng hợp');
  await s.expectText('[data-testid="sum-data-line"]', /^Số liệu tính từ /, 60000);
  await s.type('Từ ngày', '01/01/2016');
  await s.type('Đến ngày', '27/11/2026');
  await s.click('Xem tổng hợp');
  await s.expectText('[data-testid="sum-data-line"]', /^Số liệu tính từ 01\/01\/2016 đến 27\/11\/2026$/, 120000);

  // The page records, in order, what the export shows and when the other screen answers.
  await s.execute(`
    window.__events = [];
    const note = (e) => { if (window.__events[window.__events.length - 1] !== e) window.__events.push(e); };
    window.__watch = new MutationObserver(() => {
      const pct = document.querySelector('[data-testid="export-progress"] .pct')?.textContent.trim();
      if (pct) note('export:' + pct);
      if (document.querySelector('[data-testid="export-path"]')) note('export:saved');
      const dates = [...document.querySelectorAll('.screen:not([hidden]) .session-list .date')]
        .map((e) => e.textContent.trim().split('/').reverse().join('-')).sort();
      if (dates.length) note('sessions:' + dates[0]);
    });
    window.__watch.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });`);
  await s.click('Xuất Sổ tiếp công dân (Excel)');
  await s.click('Sổ tiếp dân');
  // Last week and this one: the generated sessions of 23–27/11 are listed.
  await s.waitFor('the sessions of last week', async () =>
    s.execute(`return window.__events.some((e) => e.startsWith('sessions:'));`),
    120000,
  );
  // Another week asked for: the list answers again.
  const from = await s.css('#sl-from');
  await s.cmd('POST', `/element/${from}/clear`, {});
  await s.cmd('POST', `/element/${from}/value`, { text: '16/11/2026' + KEY.enter });
  await s.waitFor('the sessions from 16/11', async () =>
    s.execute(`return window.__events.some((e) => e.startsWith('sessions:') && e < 'sessions:2026-11-23');`),
    120000,
  );
  const during = await s.execute(`return window.__events.slice();`);
  writeFileSync(join(outDir, 'responsive-during.png'), await s.screenshot());

  await s.click('Tổng hợp');
  await s.waitFor('the Sổ written', async () => s.execute(`return window.__events.includes('export:saved');`), 300000);
  const events = await s.execute(`window.__watch.disconnect(); return window.__events.slice();`);
  t.diagnostic(events.join(' → '));
  const path = await s.textOf('[data-testid="export-path"]');
  writeFileSync(join(outDir, 'responsive-done.png'), await s.screenshot());

  // Both answers came while the export was still reading its figures.
  const firstPercent = events.findIndex((e) => /^export:\d+%$/.test(e));
  const answered = events.findIndex((e) => e.startsWith('sessions:') && e < 'sessions:2026-11-23');
  assert.ok(answered >= 0, events.join(' → '));
  assert.ok(
    firstPercent === -1 || answered < firstPercent,
    `the other screen answered before the export finished reading: ${events.join(' → ')}`,
  );
  assert.ok(during.includes('export:Đang chuẩn bị…'), during.join(' → '));
  // Then the bar moved, and the file is whole.
  const percents = new Set(events.filter((e) => /^export:\d+%$/.test(e)));
  assert.ok(percents.size >= 2, `the progress bar moved: ${events.join(' → ')}`);
  assert.match(path, /So-tiep-cong-dan_01-01-2016_27-11-2026\.xlsx$/);
  assert.ok(existsSync(path) && statSync(path).size > 100000, 'the Sổ of ten years is written');
});

test('Đơn thư shows the first 200 of the register\'s petitions and adds 200 at a time', async () => {
  const grouped = String(petitions).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  await s.click('Đơn thư');
  await s.expectText('table.data caption', new RegExp(`^Danh sách đơn \\(${grouped.replace('.', '\\.')}\\)`), 60000);
  const rows = () => s.execute(`return document.querySelectorAll('.screen:not([hidden]) tr.prow').length;`);
  assert.equal(await rows(), 200);
  assert.equal(await s.textOf('[data-testid="list-more"] .hint'), `Đang hiện 200 trong ${grouped} đơn`);
  await s.click('Hiện thêm 200 đơn');
  await s.waitFor('400 rows', async () => (await rows()) === 400, 60000);
  assert.equal(await s.textOf('[data-testid="list-more"] .hint'), `Đang hiện 400 trong ${grouped} đơn`);
  // The rows come in the list's order: the newest first, none twice.
  const numbers = await s.execute(`return [...document.querySelectorAll('.screen:not([hidden]) tr.prow')].map((r) => r.dataset.id);`);
  assert.equal(new Set(numbers).size, 400);
  await s.execute(`document.querySelector('[data-testid="list-more"]').scrollIntoView({ block: 'end' });`);
  writeFileSync(join(outDir, 'responsive-list.png'), await s.screenshot());
});
