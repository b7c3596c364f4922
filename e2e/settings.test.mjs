// End to end, Cài đặt: a deadline number is saved and read back after a reload (and one out
// of range is refused next to its input); year 2028 is added to the working-day calendar
// with one holiday (the core's refusal shows on the row it names, the page warns of a year
// without Tết); the shipped 2027 says it is a forecast; the sample data is removed, and
// what the officer recorded in it is kept and named.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEY, Session, startDriver } from './webdriver.mjs';
import { firstStart } from './access.mjs';

const PORT = Number(process.env.E2E_PORT ?? 5220);
const outDir = new URL('./out/', import.meta.url).pathname;
const DUE_SOON = 'Báo “sắp đến hạn” trước (ngày làm việc)';
let driver;
let s;

before(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tiepdan-e2e-'));
  driver = await startDriver(PORT, { ...process.env, TIEPDAN_DB: join(dataDir, 'settings.sqlite3') });
  s = await Session.create(PORT, process.env.TIEPDAN_APP);
  await firstStart(s, { unit: 'phường Việt Hòa', sample: true });
});

after(async () => {
  if (s) {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'settings-last.png'), await s.screenshot().catch(() => Buffer.alloc(0)));
  }
  await s?.close().catch(() => {});
  driver?.kill();
});

async function shot(name) {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, `${name}.png`), await s.screenshot());
}

const statusSays = (text) =>
  s.execute(`return [...document.querySelectorAll('[role=status]')].some((e) => e.textContent.includes(arguments[0]));`, text);

/** The message or hint the control named `name` points to (aria-describedby). */
const describedBy = async (name) => {
  const el = await s.byName(name);
  return s.execute(
    `const ids = (arguments[0].getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
     return ids.map((id) => document.getElementById(id)?.textContent.trim() ?? '').join(' ');`,
    { 'element-6066-11e4-a52e-4f735466cecf': el },
  );
};

const yearRow = (year) =>
  s.execute(
    `const r = document.querySelector('tr[data-year="' + arguments[0] + '"]');
     return r ? { known: r.dataset.known, shipped: r.dataset.shipped, text: r.textContent.replace(/\\s+/g, ' ').trim() } : null;`,
    String(year),
  );

test('the "sắp đến hạn" setting is saved and read back after a reload', async () => {
  await s.click('Cài đặt');
  assert.equal(await s.valueOf(DUE_SOON), '3', 'the default is 3 working days');
  assert.ok(
    await s.execute(`return document.getElementById('sample-title')?.textContent === 'Dữ liệu mẫu';`),
    'the sample data just loaded is offered for removal',
  );
  assert.match(await describedBy(DUE_SOON), /Mặc định 3/, 'the rule line is beside the input');
  assert.match(
    await describedBy('Thời hạn thụ lý khiếu nại (đơn nhận từ 01/7/2026) (ngày làm việc)'),
    /Nghị định 155\/2026/,
  );

  // The form as saved: nothing said; an edit: "Có thay đổi chưa lưu" beside "Lưu cài đặt".
  const unsaved = () => s.execute(`return document.querySelector('[data-testid="settings-unsaved"]')?.textContent.trim() ?? null;`);
  assert.equal(await unsaved(), null, 'the saved settings are not "chưa lưu"');
  // Out of the core's range: refused, the message next to the input.
  await s.type(DUE_SOON, '99');
  await s.waitFor('the unsaved note', async () => (await unsaved()) === 'Có thay đổi chưa lưu');
  await s.click('Lưu cài đặt');
  await s.waitFor('the refusal', async () => /từ 0 đến 30/.test(await describedBy(DUE_SOON)));
  assert.equal(
    await s.execute(`return document.activeElement?.getAttribute('aria-invalid');`),
    'true',
    'the focus is on the refused input',
  );

  await s.type(DUE_SOON, '5');
  await s.click('Lưu cài đặt');
  await s.waitFor('saved', () => statusSays('Đã lưu cài đặt'));
  assert.equal(await unsaved(), null, 'saved: no longer "chưa lưu"');
  assert.doesNotMatch(await describedBy(DUE_SOON), /từ 0 đến 30/, 'the old message is gone');
  // Editing again: "Đã lưu" no longer describes the form.
  await s.keys('Tên bộ phận tiếp công dân', ' ');
  await s.waitFor('the saved line cleared', async () => !(await statusSays('Đã lưu cài đặt')));

  // A fresh start of the window reads the settings from the register.
  await s.execute('location.reload();');
  await s.waitFor('the app after the reload', async () =>
    s.execute(`return document.querySelector('nav [aria-current=page]')?.textContent.trim() === 'Tổng quan';`),
  );
  await s.click('Cài đặt');
  assert.equal(await s.valueOf(DUE_SOON), '5');
  assert.equal(await s.valueOf('Tên bộ phận tiếp công dân'), 'Ban tiếp công dân', 'the unsaved edit was not saved');
});

test('screen-reader names on Cài đặt use the field’s name, never an internal code', async () => {
  await s.click('Cài đặt');
  await s.byName('Lưu lĩnh vực Đất đai');
  await s.byName('Nhóm khi khiếu nại (Đất đai)');
  const codes = await s.execute(`return [...document.querySelectorAll('main [aria-label]')]
    .map((e) => e.getAttribute('aria-label')).filter((l) => /[a-z]+_[a-z]+/.test(l));`);
  assert.deepEqual(codes, []);
});

test('year 2028 is added to the working-day calendar with one holiday', async () => {
  await s.click('Cài đặt');
  const before2027 = await s.waitFor('the calendar years', () => yearRow(2027));
  assert.equal(before2027.shipped, 'true');
  assert.equal(before2027.known, 'true');
  // 2027 ships as a forecast (Tết not announced yet): its line and its days say so.
  assert.match(before2027.text, /Có sẵn, dự kiến \(chưa có thông báo chính thức\)/);
  await s.click('Xem các ngày năm 2027');
  await s.expectText('[data-testid="cal-note-2027"]', /^Lịch dự kiến kèm theo phần mềm/);
  await s.click('Ẩn các ngày năm 2027');
  assert.doesNotMatch((await yearRow(2026)).text, /dự kiến/);
  const before2028 = await yearRow(2028);
  assert.equal(before2028.known, 'false', '2028 is offered, not known');
  assert.match(before2028.text, /Chưa có lịch/);

  await s.click('Bổ sung năm 2028');
  assert.equal(
    await s.execute(`return document.activeElement?.getAttribute('aria-label');`),
    'Ngày, dòng 1',
    'the focus is on the first row',
  );
  // Row 1 stays blank (skipped); row 2 has a date of another year: the core refuses it,
  // and its message shows on row 2.
  await s.click('Thêm dòng');
  await s.type('Ngày, dòng 2', '01/01/2027');
  await s.choose('Loại ngày, dòng 2', 'Nghỉ lễ, Tết');
  await s.type('Tên ngày, dòng 2', 'Tết Dương lịch');
  await s.click('Lưu năm 2028');
  await s.waitFor('the refusal on row 2', async () => /không thuộc năm 2028/.test(await describedBy('Ngày, dòng 2')));
  assert.equal(await describedBy('Ngày, dòng 1'), '', 'nothing is said about row 1');
  await shot('settings-calendar-refused');

  await s.type('Ngày, dòng 2', '01/01/2028');
  // One day, and not Tết Nguyên đán: warned in the page, not stopped.
  const warnings = await s.textOf('[data-testid="cal-warnings"]');
  assert.match(warnings, /Năm 2028 chưa có Tết Nguyên đán: kiểm tra lại trước khi lưu\./);
  assert.match(warnings, /Năm 2028 mới có 1 ngày nghỉ/);
  await shot('settings-calendar-warnings');
  await s.click('Lưu năm 2028');
  await s.waitFor('saved', () => statusSays('Đã lưu lịch năm 2028: 1 ngày. Thời hạn trong năm 2028 nay đã tính được.'));

  const after2028 = await yearRow(2028);
  assert.equal(after2028.known, 'true', '2028 is known now');
  assert.equal(after2028.shipped, 'false');
  assert.match(after2028.text, /Đơn vị đã bổ sung/);
  assert.match(after2028.text, /1 ngày/);
  assert.equal((await yearRow(2029))?.known, 'false', 'the next year is offered');

  // The saved days show at once; hidden and shown again from the year's line.
  await s.click('Ẩn các ngày năm 2028');
  await s.waitFor('the days hidden', async () => s.execute(`return document.getElementById('cal-days-2028') === null;`));
  await s.click('Xem các ngày năm 2028');
  const day = await s.waitFor('the listed day', () =>
    s.execute(`return document.querySelector('#cal-days-2028 tr[data-date="2028-01-01"]')?.textContent.replace(/\\s+/g, ' ').trim() ?? null;`),
  );
  assert.match(day, /01\/01\/2028/);
  assert.match(day, /Thứ Bảy/);
  assert.match(day, /Nghỉ lễ, Tết/);
  assert.match(day, /Tết Dương lịch/);
  await shot('settings-calendar');

  // Saved again, a year already known does not "become" countable.
  await s.click('Sửa năm 2028');
  await s.click('Lưu năm 2028');
  const line = await s.waitFor('saved again', async () =>
    s.execute(`return document.querySelector('.calendar > .status')?.textContent.trim() || null;`),
  );
  assert.equal(line, 'Đã lưu lịch năm 2028: 1 ngày.');
});

test('removing the sample data leaves only what the officer recorded, and says what it kept', async () => {
  await s.click('Sổ tiếp dân');
  const sessions = await s.waitFor('the sample sessions', async () =>
    s.execute(`return document.querySelectorAll('main .screen:not([hidden]) [data-session-id]').length || null;`),
  );
  assert.ok(sessions > 0, 'the register shows sample sessions first');
  // The officer records a real visit in a sample session, for a citizen of the sample.
  const first = await s.css('main .screen:not([hidden]) [data-session-id]');
  const keptSession = await s.execute(`return arguments[0].dataset.sessionId;`, { 'element-6066-11e4-a52e-4f735466cecf': first });
  await s.cmd('POST', `/element/${first}/click`, {});
  await s.type('Tìm công dân (tên hoặc số căn cước)', 'nguyen');
  await s.waitFor('a sample person in the lookup', async () => s.execute(`return document.querySelectorAll('[role=option]').length > 0;`));
  await s.keys('Tìm công dân (tên hoặc số căn cước)', KEY.down + KEY.enter);
  await s.waitFor('the person picked', async () => s.execute(`return document.getElementById('visit-p0-name')?.readOnly === true;`));
  await s.type('Nội dung', 'Hỏi thủ tục xác nhận tình trạng nhà ở');
  await s.choose('Phân loại', 'Kiến nghị, phản ánh');
  await s.choose('Lĩnh vực', 'Đất đai');
  await s.click('Lưu lượt tiếp');
  await s.waitFor('the officer’s visit saved', () => statusSays('Đã lưu lượt tiếp thứ'));

  await s.click('Cài đặt');
  await s.click('Xóa dữ liệu mẫu');
  assert.equal(await s.execute(`return document.activeElement?.textContent.trim();`), 'Hủy', 'the safe choice has the focus');
  await shot('settings-sample-confirm');
  await s.click('Xóa hẳn dữ liệu mẫu');
  const removed = await s.textOf('[data-testid="sample-removed"]');
  const m = /Đã xóa dữ liệu mẫu: (\d+) buổi tiếp, (\d+) lượt tiếp, (\d+) đơn, (\d+) công dân/.exec(removed.replace(/\s+/g, ' '));
  assert.ok(m, removed);
  assert.ok(Number(m[1]) > 0 && Number(m[2]) > 0 && Number(m[3]) > 0 && Number(m[4]) > 0, removed);
  // What was kept, and why.
  assert.match(removed, /Giữ lại 1 buổi tiếp mẫu vì có lượt tiếp do cán bộ ghi; 1 công dân mẫu vì có tên trong lượt tiếp hoặc đơn do cán bộ ghi\./);
  await shot('settings-sample-removed');

  // The register holds only the kept session, with the officer's visit.
  await s.click('Sổ tiếp dân');
  const left = await s.waitFor('the register without the sample', async () =>
    s.execute(`const sc = document.querySelector('main .screen:not([hidden])');
      const list = [...sc.querySelectorAll('[data-session-id]')];
      return list.length === 1 ? { id: list[0].dataset.sessionId, text: list[0].textContent.replace(/\\s+/g, ' ') } : null;`),
  );
  assert.equal(left.id, keptSession);
  assert.match(left.text, /1 lượt/);

  // The section goes once the screen is opened again.
  await s.click('Tổng quan');
  await s.click('Cài đặt');
  await s.byName('Lưu cài đặt');
  assert.equal(await s.execute(`return document.getElementById('sample-title');`), null);
});
