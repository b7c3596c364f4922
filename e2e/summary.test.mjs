// End to end: Tổng hợp on the sample data, "today" fixed at 20/12/2026. The officer picks
// the statutory periods (each opens on the year just ended, its figures shown at once; one
// not begun or in progress says so), edits a date and sees the files wait for "Xem tổng
// hợp", then Quý IV 2026 (15/09–14/12/2026), reads 01/TCD column 1 against the
// reception total on screen, exports the Sổ and 01/TCD into the export folder and the
// test reads the xlsx back (a tiny unzip, no dependency), stops an export with "Dừng",
// types a figure of 06/QLKNTC and sees it in the table, opens the print view, locks the
// period and sees the lock listed, then sees the lock's note under a date in Đơn thư.
// Screenshots at 1024×640 under e2e/out/summary-*.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { KEY, MOVE_KEY, Session, startDriver } from './webdriver.mjs';
import { firstStart } from './access.mjs';
import { resize } from './layout-check.mjs';

const PORT = Number(process.env.E2E_PORT ?? 5400);
const app = process.env.TIEPDAN_APP;
const outDir = new URL('./out/', import.meta.url).pathname;
let driver;
let s;
let exportDir;
let dataDir;

before(async () => {
  assert.ok(app, 'TIEPDAN_APP must name the built app binary');
  dataDir = mkdtempSync(join(tmpdir(), 'tiepdan-e2e-sum-'));
  exportDir = join(dataDir, 'xuat');
  const env = {
    ...process.env,
    TIEPDAN_DB: join(dataDir, 'summary.sqlite3'),
    TIEPDAN_TODAY: '2026-12-20',
    TIEPDAN_EXPORT_DIR: exportDir,
  };
  driver = await startDriver(PORT, env);
  s = await Session.create(PORT, app);
  mkdirSync(outDir, { recursive: true });
});

after(async () => {
  if (s) {
    try {
      writeFileSync(join(outDir, 'summary-last.png'), await s.screenshot());
    } catch {
      /* the window may be gone */
    }
    await s.close().catch(() => {});
  }
  driver?.kill();
});

const shot = async (name) => writeFileSync(join(outDir, `summary-${name}.png`), await s.screenshot());

/** The entries of a zip file (stored or deflated), by name. */
function unzip(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const files = {};
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'a central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    files[name] = method === 8 ? inflateRawSync(data) : Buffer.from(data);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

const unescapeXml = (t) =>
  t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The first sheet of an xlsx as rows of cells: { "7": { A: "UBND …", B: "88" } }. */
function readSheet(path) {
  const files = unzip(readFileSync(path));
  const strings = [];
  const shared = files['xl/sharedStrings.xml']?.toString('utf8') ?? '';
  for (const si of shared.matchAll(/<si>([\s\S]*?)<\/si>/g)) {
    strings.push(unescapeXml([...si[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((m) => m[1]).join('')));
  }
  const xml = files['xl/worksheets/sheet1.xml'].toString('utf8');
  const rows = {};
  for (const c of xml.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const [, col, row, attrs, inner = ''] = c;
    const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
    const inline = /<t[^>]*>([\s\S]*?)<\/t>/.exec(inner)?.[1];
    let text = v ?? (inline !== undefined ? unescapeXml(inline) : '');
    if (/t="s"/.test(attrs) && v !== undefined) text = strings[Number(v)];
    (rows[row] ??= {})[col] = text;
  }
  return rows;
}

/** The text of the saved-file line, once a new file is shown (not `before`). */
async function savedPath(before) {
  return s.waitFor(
    'the saved file',
    async () => {
      const t = await s.execute(`return document.querySelector('[data-testid="export-path"]')?.textContent.trim() ?? '';`);
      return t && t !== before ? t : null;
    },
    30000,
  );
}

const cell = (col, row = 'unit') =>
  s.execute(`return document.querySelector('table.stat tr[data-row="${row}"] td[data-col="${col}"]')?.textContent.trim() ?? null;`);
// "1.234,5" as the tables write it → 1234.5.
const num = (text) => Number(String(text).replace(/\./g, '').replace(',', '.'));

test('Tổng hợp of Quý IV 2026: tables, files, a stopped export, typed figures, print, lock', async (t) => {
  // The sample data, written as of 20/12/2026.
  await firstStart(s, { unit: 'phường Việt Hòa', sample: true, leader: true });
  await resize(s, 1024, 640);

  await s.click('Tổng hợp');
  await s.expectText('[data-testid="sum-data-line"]', /^Số liệu tính từ /);
  const dataLine = (from, to) => s.expectText('[data-testid="sum-data-line"]', new RegExp(`^Số liệu tính từ ${from} đến ${to}$`));
  const statusNote = () => s.execute(`return document.querySelector('[data-testid="period-status"]')?.textContent.trim() ?? null;`);
  // On 20/12/2026 Quý IV opens on 2026 (ended 14/12), never on 2027 (not begun), and its
  // figures show at once, without Enter.
  await s.choose('Kỳ báo cáo', 'Quý IV');
  await dataLine('15/09/2026', '14/12/2026');
  assert.equal(await s.valueOf('Năm'), '2026');
  assert.match(await s.textOf('.period-line'), /\(Quý IV năm 2026\)/);
  assert.equal(await statusNote(), null, 'a period over has no note');
  await shot('picker-default');
  // Năm opens on 2026 (15/12/2025–14/12/2026): Năm 2027 began only 5 days ago.
  await s.choose('Kỳ báo cáo', 'Năm');
  await dataLine('15/12/2025', '14/12/2026');
  assert.match(await s.textOf('.period-line'), /\(Năm 2026\)/);
  // The report's number is only the number (the core adds "/BC-UBND").
  assert.equal(await s.execute(`return document.getElementById('ex-report-no')?.placeholder ?? null;`), '25');
  assert.equal(await s.execute(`return document.querySelector('[data-testid="report-place"]');`), null);
  // The year typed shows its figures at once; Năm 2027 is in progress, and says so.
  await s.type('Năm', '2027');
  await dataLine('15/12/2026', '14/12/2027');
  assert.equal(await statusNote(), 'Kỳ này chưa kết thúc: số liệu tính đến hôm nay.');
  // Another period keeps the year typed: Quý IV 2027 has not begun.
  await s.choose('Kỳ báo cáo', 'Quý IV');
  await dataLine('15/09/2027', '14/12/2027');
  assert.equal(await s.valueOf('Năm'), '2027');
  assert.match(await statusNote(), /^Kỳ này chưa bắt đầu/);
  // Nothing to file of a period not begun: the files and print views wait, saying why.
  await s.expectText('[data-testid="export-held"]', /^Kỳ này chưa bắt đầu: chưa có tệp hay bản in nào để xuất\.$/);
  const notBegun = await s.execute(
    `return [...document.querySelectorAll('.exports button')].map((b) => b.textContent.trim() + (b.disabled ? ':off' : ':on'));`,
  );
  assert.ok(notBegun.length >= 3 && notBegun.every((b) => b.endsWith(':off')), `no file or print of a period not begun (${notBegun.join(', ')})`);
  await s.execute(`document.querySelector('main').scrollTop = 0;`);
  await shot('picker');
  await s.type('Năm', '2026');
  await dataLine('15/09/2026', '14/12/2026');
  assert.equal(await statusNote(), null);
  // Quý IV sends no report of its own: where it is, is said.
  await s.expectText(
    '[data-testid="report-place"]',
    /^Báo cáo Mẫu 02 \(Word\) lập cho Quý I, 6 tháng, 9 tháng và Năm; số liệu quý này nằm trong báo cáo của kỳ đó\.$/,
  );

  // A date edited and not applied: the files, print views and the lock wait, saying why;
  // the figures on screen are still Quý IV's.
  const heldButtons = () =>
    s.execute(`return [...document.querySelectorAll('.exports button, #lk-open')].map((b) => b.textContent.trim() + (b.disabled ? ':off' : ':on'));`);
  await s.type('Đến ngày', '30/11/2026');
  await s.expectText('[data-testid="export-held"]', /^Bấm Xem tổng hợp để lấy số liệu của kỳ mới chọn trước khi xuất\.$/);
  const off = await heldButtons();
  assert.ok(off.length >= 4 && off.every((b) => b.endsWith(':off')), `every file, print and lock button waits (${off.join(', ')})`);
  await dataLine('15/09/2026', '14/12/2026');
  await s.execute(`document.getElementById('ex-title').scrollIntoView({ block: 'start' });`);
  await shot('held');
  await s.type('Đến ngày', '14/12/2026');
  await s.waitFor('the files offered again', async () => (await heldButtons()).every((b) => b.endsWith(':on')));
  assert.equal(await s.execute(`return document.querySelector('[data-testid="export-held"]');`), null);

  // The reception total on screen and 01/TCD column 1 (total visits) agree.
  const visits = num(await s.textOf('[data-cell="reception.visits"]'));
  assert.ok(visits > 10, `Quý IV holds the sample's visits (${visits})`);
  await s.click('01/TCD');
  await s.css('table.stat[data-table="01/TCD"]');
  assert.equal(num(await cell(1)), visits, '01/TCD (1) = the reception total');
  assert.equal(num(await cell(1)), num(await cell(5)) + num(await cell(11)) + num(await cell(17)), '(1) = (5) + (11) + (17)');
  // The header grid: "Đơn vị" spans the header rows; a column's full path is its tooltip.
  const head = await s.execute(`
    const t = document.querySelector('table.stat');
    const unit = t.querySelector('thead th.unit');
    return { unit: unit.textContent.trim(), rows: unit.rowSpan, tip: t.querySelector('thead th[data-col="5"]').title,
             ms: t.querySelector('tr.ms th[data-ms="1"]').textContent.trim(),
             compare: [...t.querySelectorAll('tr.compare th')].map((e) => e.textContent.trim()),
             italic: getComputedStyle(t.querySelector('tr.compare td')).fontStyle };`);
  assert.equal(head.unit, 'Đơn vị');
  assert.ok(head.rows >= 3, `"Đơn vị" spans the header rows (${head.rows})`);
  assert.equal(head.tip, '(5) Tiếp thường xuyên › Số lượt tiếp');
  assert.equal(head.ms, '1=5+11+17');
  // (A quarter under way is set beside as many first days of the others: ", cùng N ngày đầu".)
  assert.match(head.compare.join(' | '), /^Kỳ trước(, cùng \d+ ngày đầu)? \(.*\) \| Cùng kỳ năm trước(, cùng \d+ ngày đầu)? \(.*\)$/);
  // The sample data begins in June 2026: Quý IV 2025 has no figures on the register, which
  // is said, not shown as zeros.
  assert.match(head.compare[1], /chưa có số liệu trên sổ\)$/);
  assert.equal(
    await s.execute(`return document.querySelector('[data-row="compare-1"] td.none')?.textContent.trim() ?? '';`),
    'Chưa có số liệu trên sổ cho kỳ này.',
  );
  assert.equal(head.italic, 'italic');
  await s.expectText('[data-testid="table-checks"]', /Các phép kiểm tra đều đạt \(\d+\)|Lỗi|Lưu ý/);
  await shot('01-tcd');
  await s.click('02/XLD');
  await s.css('table.stat[data-table="02/XLD"]');
  await shot('02-xld');

  // The files go to the export folder, named on screen.
  assert.equal(await s.textOf('[data-testid="export-folder"]'), `Tệp được lưu vào ${exportDir}; đổi thư mục trong Cài đặt.`);
  await s.click('Xuất Sổ tiếp công dân (Excel)');
  const soPath = await savedPath('');
  assert.equal(dirname(soPath), exportDir);
  assert.match(soPath, /So-tiep-cong-dan_15-09-2026_14-12-2026\.xlsx$/);
  assert.ok(existsSync(soPath), 'the Sổ is written');
  const so = readSheet(soPath);
  assert.ok(Object.values(so).some((r) => Object.values(r).some((t) => /SỔ TIẾP CÔNG DÂN/i.test(t))), 'the Sổ’s title is in its sheet');
  // One row per visit (STT, date of the visit): compared with the print view below.
  const soVisits = Object.values(so).filter((r) => /^\d+$/.test(r.A ?? '') && /^\d{2}\/\d{2}\/\d{4}$/.test(r.B ?? '')).length;
  assert.ok(soVisits >= visits, `the Sổ lists every visit (${soVisits})`);

  await s.click('01/TCD');
  const unitLabel = await s.textOf('table.stat tr[data-row="unit"] th');
  const onScreen = await cell(1);
  await s.click('Xuất biểu này (Excel)');
  const tcdPath = await savedPath(soPath);
  assert.match(tcdPath, /Bieu-01-TCD_15-09-2026_14-12-2026\.xlsx$/);
  assert.ok(existsSync(tcdPath), 'the table is written');
  const rows = readSheet(tcdPath);
  const unitRow = Object.values(rows).find((r) => r.A === unitLabel);
  assert.ok(unitRow, `the unit's row "${unitLabel}" is in the sheet`);
  assert.equal(unitRow.B, onScreen, 'column 1 in the file = column 1 on screen');
  await shot('export-done');

  // "Dừng" pressed the moment it is offered: "Đã dừng, chưa ghi tệp nào", and no file.
  // The export takes ~0.1 s here, so the press is made from the page (a MutationObserver)
  // rather than by a WebDriver round trip; an attempt that still ends first must have
  // written its file whole, and one of three attempts must be stopped.
  let stopped = 0;
  for (let attempt = 0; attempt < 3 && stopped === 0; attempt++) {
    const files = readdirSync(exportDir).length;
    await s.execute(`
      window.__stop?.disconnect();
      const find = (text) => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === text);
      window.__stop = new MutationObserver(() => {
        const stop = find('Dừng');
        if (stop && !stop.disabled) { window.__stop.disconnect(); stop.click(); }
      });
      window.__stop.observe(document.body, { subtree: true, childList: true, attributes: true });
      find('Xuất cả 6 biểu (Excel)').click();`);
    const result = await s.waitFor(
      'the export to end',
      async () =>
        s.execute(`
          if (document.querySelector('[data-testid="export-progress"]')) return null;
          const f = document.querySelector('[data-testid="export-failure"]')?.textContent.trim();
          const p = document.querySelector('[data-testid="export-path"]')?.textContent.trim();
          return f ? 'failure:' + f : p ? 'saved:' + p : null;`),
      30000,
    );
    if (result.startsWith('failure:')) {
      assert.equal(result, 'failure:Đã dừng, chưa ghi tệp nào.');
      assert.equal(readdirSync(exportDir).length, files, 'no file written');
      stopped++;
    } else {
      t.diagnostic(`attempt ${attempt + 1}: the export ended before "Dừng" reached it (${result})`);
      assert.match(result, /Bieu-so-lieu-TT06_15-09-2026_14-12-2026( \(\d+\))?\.xlsx$/);
      assert.equal(readdirSync(exportDir).length, files + 1, 'the file written whole');
    }
  }
  assert.equal(stopped, 1, 'an export stopped by "Dừng"');

  // Typed figures are the period's own, saved in full: 0,004 Trđ stays "0,004" in its
  // input, and the form is not "chưa lưu" after the save.
  const figuresDirty = () => s.execute(`return [...document.querySelectorAll('form.figures .hint')].some((h) => h.textContent.includes('chưa lưu'));`);
  await s.click('05/KQTH');
  await s.css('table.stat[data-table="05/KQTH"]');
  assert.match(await s.textOf('[data-testid="manual-columns"]'), /^Các cột tô vàng \(\d+\).* lấy số liệu nhập tay; chưa nhập thì là 0\.$/);
  await s.click('Nhập số liệu');
  await s.expectText(
    '[data-testid="figures-period"]',
    /^Số liệu nhập tay thuộc đúng kỳ đang xem \(từ 15\/09\/2026 đến 14\/12\/2026\)\. Báo cáo năm cần số liệu của cả năm: nhập ở kỳ Năm\.$/,
  );
  const money = await s.waitFor('a figure in Trđ', async () =>
    s.execute(`const i = [...document.querySelectorAll('form.figures input[data-column]')].find((i) => i.parentElement.textContent.includes('Trđ'));
               return i ? i.id : null;`),
  );
  await s.cmd('POST', `/element/${await s.css('#' + money)}/clear`, {});
  await s.cmd('POST', `/element/${await s.css('#' + money)}/value`, { text: '0,004' + KEY.enter });
  await s.expectText('form.figures [role=status]', /Đã lưu số liệu/);
  assert.equal(await s.execute(`return document.getElementById(arguments[0]).value;`, money), '0,004', 'the figure saved in full');
  assert.equal(await figuresDirty(), false, 'not "chưa lưu" right after the save');
  await s.execute(`document.querySelector('[data-testid="manual-columns"]').scrollIntoView({ block: 'start' });`);
  await shot('figures-05');

  // A typed figure of 06/QLKNTC shows in its table.
  await s.click('06/QLKNTC');
  await s.css('table.stat[data-table="06/QLKNTC"]');
  if (!(await s.execute(`return !!document.querySelector('form.figures');`))) await s.click('Nhập số liệu');
  const input = await s.waitFor('the first figure', async () =>
    s.execute(`const i = document.querySelector('form.figures input[data-column]'); return i ? i.dataset.column : null;`),
  );
  const figure = `form.figures input[data-column="${input}"]`;
  const typeFigure = async (text) => {
    const el = await s.css(figure);
    await s.cmd('POST', `/element/${el}/clear`, {});
    await s.cmd('POST', `/element/${el}/value`, { text });
  };
  // A count is whole: the core's refusal is said next to its input.
  await typeFigure('12,5');
  await s.click('Lưu số liệu');
  await s.expectText(`#mf-06-qlkntc-${input}-err`, /nhập số nguyên/);
  assert.equal(await s.execute(`return document.activeElement?.dataset.column ?? null;`), input, 'the focus on the figure refused');
  await shot('figures');
  // Written the English way: refused here, saying how to write it.
  await typeFigure('1,200.5');
  await s.click('Lưu số liệu');
  await s.expectText(`#mf-06-qlkntc-${input}-err`, /“1,200\.5” .*viết 1\.200,5\.$/);
  // Over the core's maximum: the core's message next to the input.
  await typeFigure('2.000.000.000.000');
  await s.click('Lưu số liệu');
  await s.expectText(`#mf-06-qlkntc-${input}-err`, /.+/);
  assert.equal(await s.execute(`return document.activeElement?.dataset.column ?? null;`), input);
  // "1.200" is one thousand two hundred, as a Vietnamese writes it.
  await typeFigure('1.200' + KEY.enter);
  await s.waitFor('the figure in the table', async () => (await cell(input)) === '1.200');
  await s.expectText('form.figures [role=status]', /Đã lưu số liệu/);
  assert.equal(await s.execute(`return document.querySelector(arguments[0]).value;`, figure), '1.200');
  assert.equal(await figuresDirty(), false, 'not "chưa lưu" right after the save');

  // The print view of the table; Esc closes it.
  await s.click('Xem bản in biểu');
  await s.css('[data-testid="print-table"]');
  assert.match(await s.textOf('[data-testid="print-table"]'), /Biểu số: 06\/QLKNTC/);
  await shot('print-table');
  // The view is usable (the chrome behind waits, not the view): the focus is on "In".
  assert.equal(await s.execute(`return document.activeElement?.textContent.trim() ?? '';`), 'In');
  await s.keys('In', MOVE_KEY.escape);
  await s.waitFor('the print view closed', async () => s.execute(`return document.querySelector('.print-view') === null;`));
  // 02/XLD, wider than the sheet, is scaled to the sheet's width: whole on the page.
  await s.click('02/XLD');
  await s.css('table.stat[data-table="02/XLD"]');
  await s.click('Xem bản in biểu');
  await s.css('[data-testid="print-table"]');
  const fit = await s.waitFor('the table scaled', async () =>
    s.execute(`const t = document.querySelector('[data-testid="print-table"] table');
               const sheet = t.parentElement.getBoundingClientRect();
               const r = t.getBoundingClientRect();
               const k = Number(t.style.getPropertyValue('--fit'));
               return k > 0 && k < 1 ? { k, right: r.right, sheet: sheet.right, print: Number(t.style.getPropertyValue('--print-fit')) } : null;`),
  );
  assert.ok(fit.right <= fit.sheet + 1, `the table ends on the sheet (${JSON.stringify(fit)})`);
  assert.ok(fit.print > 0 && fit.print < 1 && fit.print >= fit.k, `the printed page scales too (${JSON.stringify(fit)})`);
  await shot('print-02-xld');
  await s.keys('In', MOVE_KEY.escape);
  await s.waitFor('the print view closed', async () => s.execute(`return document.querySelector('.print-view') === null;`));
  await s.click('Xem bản in Sổ');
  await s.css('[data-testid="print-register-part"]');
  assert.equal(await s.textOf('.print-toolbar .muted'), `${soVisits} lượt tiếp`, 'the print view and the file list the same visits');
  assert.equal(
    await s.execute(`return document.querySelectorAll('[data-testid="print-register-part"] tbody tr').length;`),
    soVisits,
  );
  await shot('print-register');
  await s.click('Đóng (Esc)');
  await s.waitFor('the print view closed', async () => s.execute(`return document.querySelector('.print-view') === null;`));

  // Locking the period: named from the picker, then listed, with the banner.
  await s.click('Khóa số liệu kỳ này');
  assert.equal(await s.valueOf('Tên kỳ'), 'Quý IV năm 2026');
  await s.type('Số báo cáo', '25/BC-UBND');
  await s.click('Khóa kỳ');
  const lockRow = await s.waitFor('the lock listed', async () =>
    s.execute(`const r = document.querySelector('[data-testid="lock-list"] tbody tr');
               return r ? [...r.cells].map((c) => c.textContent.trim()) : null;`),
  );
  // The day of the lock is the machine's clock (TIEPDAN_TODAY fixes only "today").
  assert.deepEqual(lockRow.slice(0, 3), ['Quý IV năm 2026', '15/09/2026 – 14/12/2026', '25/BC-UBND']);
  assert.match(lockRow[3], /^\d{2}\/\d{2}\/\d{4}$/);
  assert.equal(lockRow[4], 'Chưa có');
  await s.expectText('[data-testid="lock-banner"]', new RegExp(`^🔒 Kỳ này đã khóa ngày ${lockRow[3]}; thay đổi sau đó được ghi là điều chỉnh\\.$`));
  await s.execute(`document.getElementById('lk-title').scrollIntoView({ block: 'start' });`);
  await shot('lock');

  // Figures typed in the locked period: the form says so; saved, the lock counts the change.
  await s.click('06/QLKNTC');
  await s.css('table.stat[data-table="06/QLKNTC"]');
  // The locked period's tables say, in their note row, that they are as sent …
  await s.expectText('[data-testid="table-note"]', new RegExp(`^\\d+\\. Ghi chú: Số liệu như bản đã gửi khi khóa kỳ ngày ${lockRow[3]}\\.$`));
  await s.expectText('[data-testid="figures-locked"]', /^Kỳ này đã khóa: số liệu lưu bây giờ được ghi là điều chỉnh\.$/);
  await s.waitFor('the saved figure', async () => (await s.execute(`return document.querySelector(arguments[0])?.value ?? null;`, figure)) === '1.200');
  await typeFigure('4' + KEY.enter);
  await s.waitFor('the figure in the table', async () => (await cell(input)) === '4');
  await s.expectText('[data-testid="lock-list"] tbody tr td:last-child', /^1 thay đổi$/);
  // … and, once a figure changed, what differs from the figures sent.
  await s.expectText('[data-testid="table-note"]', /Số liệu đã thay đổi sau khi khóa kỳ ngày .* \(bản đã gửi → nay\): cột \(\d+\): 1\.200 → 4\. /);
  await s.execute(`document.querySelector('form.figures').scrollIntoView({ block: 'start' });`);
  await shot('figures-locked');
  await s.execute(`document.getElementById('lk-title').scrollIntoView({ block: 'start' });`);

  // Each screen keeps its own place in the one scrolling <main>.
  const mainScroll = () => s.execute(`return document.querySelector('main').scrollTop;`);
  const summaryScroll = await mainScroll();
  assert.ok(summaryScroll > 0, 'Tổng hợp is scrolled down to the locks');

  // A petition dated in the locked period: a note under the date (saving not blocked).
  await s.click('Đơn thư');
  await s.click('Thêm đơn');
  await s.type('Ngày nhận đơn', '01/10/2026');
  await s.waitFor('the lock note', async () =>
    s.execute(`return [...document.querySelectorAll('.note')].some((n) => n.offsetParent && n.textContent.includes('Ngày này thuộc kỳ đã khóa (Quý IV năm 2026): thay đổi sẽ được ghi là điều chỉnh số liệu kỳ trước.'));`),
  );

  // Cài đặt: the report's particulars and the folder the files go to.
  await s.click('Cài đặt');
  await s.byName('Thẩm quyền ký');
  assert.equal(await mainScroll(), 0, 'Cài đặt opens at its top, not at Tổng hợp’s place');
  assert.match(await s.textOf('#rs-dir-hint'), new RegExp(`Tệp đang được lưu vào: ${exportDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await s.execute(`document.getElementById('rs-place').scrollIntoView({ block: 'start' });`);
  await shot('settings');
  await s.click('Tổng hợp');
  await s.waitFor('Tổng hợp at its place', async () => (await mainScroll()) === summaryScroll);

  // The app backed the register up when it opened, beside it in "sao-luu".
  const backups = readdirSync(join(dataDir, 'sao-luu')).filter((n) => /^so-tiep-dan_\d{4}-\d{2}-\d{2}_\d{6}\.sqlite3$/.test(n));
  assert.ok(backups.length >= 1, `a backup at the start (${backups})`);
});
