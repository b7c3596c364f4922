// End to end, as a newcomer: the first start of an empty register asks for the ward's
// name and the first administrator's account, and offers the sample data; loading it fills the dashboard (12 weeks of visits,
// open petitions) under the ward's name, and the chairman's weekly sessions show in the
// summary.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEY, Session, startDriver } from './webdriver.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4450);
let driver;
let s;

before(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tiepdan-e2e-'));
  driver = await startDriver(PORT, { ...process.env, TIEPDAN_DB: join(dataDir, 'first.sqlite3') });
  s = await Session.create(PORT, process.env.TIEPDAN_APP);
});

after(async () => {
  await s?.close().catch(() => {});
  driver?.kill();
});

test('a newcomer names the ward, loads the sample data and sees a filled dashboard', async () => {
  await s.byName('Bắt đầu sử dụng');
  // The ward's name is asked first: the focus is in it, and Enter there starts with the
  // empty register (the safe choice): a stray Enter never loads samples into a real register.
  await s.waitFor('the focus on the ward’s name', async () => s.execute(`return document.activeElement?.id === 'fs-unit';`));
  assert.equal(
    await s.execute(`return document.activeElement.form.querySelector('[type=submit]').textContent.trim();`),
    'Bắt đầu với sổ trống',
  );
  const nameMessage = () =>
    s.execute(`return document.getElementById('fs-unit-err')?.textContent.trim() ?? '';`);
  // Without a name neither choice goes on; the reason is next to the name.
  await s.click('Nạp dữ liệu mẫu');
  assert.match(await s.waitFor('the reason', nameMessage), /^Tên đơn vị: ghi tên phường, xã, ví dụ “phường Việt Hòa”\.$/);
  await s.type('Tên đơn vị', 'phường');
  await s.click('Bắt đầu với sổ trống');
  await s.waitFor('the other reason', async () => /không chỉ “phường”/.test(await nameMessage()));
  assert.ok(await s.execute(`return document.querySelector('[aria-label="Bắt đầu sử dụng"]') !== null;`), 'still asked');

  await s.type('Tên đơn vị', 'xã Tân Lập');
  // The first administrator: the two passwords must match (said at the second one), and
  // the core's own reasons (a password too short) come back at the field they name.
  const fieldError = (id) => s.execute(`return document.getElementById('${id}-err')?.textContent.trim() ?? '';`);
  await s.type('Tên đăng nhập', 'quantri');
  await s.type('Họ và tên', 'Quản trị viên');
  await s.type('Mật khẩu', 'matkhau-123');
  await s.type('Nhập lại mật khẩu', 'matkhau-124');
  // Enter in the last field submits: it starts with the empty register, if all is right.
  await s.keys('Nhập lại mật khẩu', KEY.enter);
  assert.equal(
    await s.waitFor('the mismatch', () => fieldError('fs-password-again')),
    'Hai lần nhập mật khẩu không giống nhau: hãy nhập lại.',
  );
  await s.type('Mật khẩu', 'ngan');
  await s.type('Nhập lại mật khẩu', 'ngan');
  await s.click('Nạp dữ liệu mẫu');
  assert.match(await s.waitFor('the core’s reason', () => fieldError('fs-password')), /^Mật khẩu cần ít nhất 8 ký tự/);
  assert.ok(await s.execute(`return document.querySelector('[aria-label="Bắt đầu sử dụng"]') !== null;`), 'still asked');
  // The roles: an officer by default (and always the administrator), not a leader.
  const boxes = () =>
    s.execute(`return Object.fromEntries([...document.querySelectorAll('[aria-label="Bắt đầu sử dụng"] label.inline')]
      .map((l) => [l.textContent.trim(), l.querySelector('input').checked]));`);
  assert.deepEqual(await boxes(), { 'Quản trị': true, 'Cán bộ tiếp dân': true, 'Lãnh đạo': false });
  await s.type('Mật khẩu', 'matkhau-123');
  await s.type('Nhập lại mật khẩu', 'matkhau-123');
  await s.click('Nạp dữ liệu mẫu');
  await s.waitFor(
    'the sample data',
    async () =>
      s.execute(`return [...document.querySelectorAll('[role=status]')]
        .some((e) => e.textContent.includes('Đã nạp dữ liệu mẫu'));`),
    60000,
  );
  await s.click('Vào Tổng quan');
  // Signed in as the administrator just created, shown in the top bar with the roles.
  assert.equal(await s.textOf('[data-testid="user-name"]'), 'Quản trị viên');
  assert.equal(await s.textOf('[data-testid="user-roles"]'), 'Cán bộ tiếp dân, Quản trị');
  // The top bar and the week's sentences carry the ward's name.
  assert.equal(await s.textOf('[data-testid="unit-name"]'), 'xã Tân Lập');
  await s.expectText('#dash-sentences + p', /^Chủ tịch UBND xã Tân Lập /);

  const bars = await s.waitFor('the 12-week chart', async () => {
    const labels = await s.execute(
      `return [...document.querySelectorAll('svg[role=img] rect[aria-label]')].map((r) => r.getAttribute('aria-label'));`,
    );
    return labels.length === 12 ? labels : null;
  });
  const visits = bars.map((l) => Number(/: (\d+) lượt tiếp/.exec(l)[1]));
  const total = visits.reduce((a, b) => a + b, 0);
  assert.ok(total >= 60, `12 weeks of a ward hold dozens of visits (${visits})`);
  assert.ok(visits.filter((v) => v > 0).length >= 10, `most weeks have visits (${visits})`);
  const open = Number(await s.textOf('[data-cell="week.open_petitions"]'));
  assert.ok(open > 0, 'some petitions are still open');

  // The office renames itself in Cài đặt (a delegation is 5 people or more by law: no
  // setting for it any more).
  await s.click('Cài đặt');
  assert.equal(await s.valueOf('Tên đơn vị'), 'xã Tân Lập', 'the name given at the first start was saved');
  assert.equal(
    await s.execute(`return [...document.querySelectorAll('main label')].some((l) => /đoàn đông người/i.test(l.textContent));`),
    false,
    'no delegation threshold to set',
  );
  await s.type('Tên đơn vị', 'phường Việt Hòa');
  await s.click('Lưu cài đặt');
  await s.waitFor('saved', async () =>
    s.execute(`return [...document.querySelectorAll('[role=status]')].some((e) => e.textContent.includes('Đã lưu cài đặt'));`),
  );
  assert.equal(await s.textOf('[data-testid="unit-name"]'), 'phường Việt Hòa');

  // The summary of last month shows the chairman's weekly sessions, under the new name.
  await s.click('Tổng hợp');
  // The figures on screen are those of the period first shown until last month's arrive:
  // wait for the line that says which period they are.
  const dataLine = '[data-testid="sum-data-line"]';
  await s.expectText(dataLine, /^Số liệu tính từ /);
  const shown = await s.textOf(dataLine);
  await s.choose('Kỳ báo cáo', 'Tháng trước');
  await s.click('Xem tổng hợp');
  await s.waitFor('last month’s figures', async () => {
    const t = await s.textOf(dataLine);
    return /^Số liệu tính từ /.test(t) && t !== shown;
  });
  const days = await s.waitFor('the totals', async () => {
    const t = await s.textOf('[data-cell="chairman.reception_days"]');
    return t !== '' && t !== '0' ? Number(t) : null;
  });
  assert.ok(days >= 4 && days <= 5, `one chairman reception day a week (${days})`);
  assert.ok(Number(await s.textOf('[data-cell="officer.visits"]')) >= 15);
  const sentences = await s.textOf('section[aria-label="Câu báo cáo"]');
  assert.match(sentences, /Chủ tịch UBND phường Việt Hòa (đã tiếp|đã tổ chức|không có)/);
});
