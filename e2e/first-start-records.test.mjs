// End to end, a register that already holds records but no account (made with the
// command line, or kept from before accounts existed): the first start asks for the
// ward's name and the administrator, does not call it an empty register nor offer the
// sample data, and opens on the register's own records.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session, startDriver } from './webdriver.mjs';
import { ADMIN } from './access.mjs';

const PORT = Number(process.env.E2E_PORT ?? 5760);
const CLI = process.env.TIEPDAN_CLI ?? join(process.env.TIEPDAN_APP ?? '', '..', 'tiepdan');
let driver;
let s;

before(async () => {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'tiepdan-e2e-records-')), 'so.sqlite3');
  execFileSync(CLI, ['--db', dbPath, 'demo'], { encoding: 'utf8' });
  driver = await startDriver(PORT, { ...process.env, TIEPDAN_DB: dbPath });
  s = await Session.create(PORT, process.env.TIEPDAN_APP);
});

after(async () => {
  await s?.close().catch(() => {});
  driver?.kill();
});

test('a register with records and no account: its first start names no empty register and opens on its records', async () => {
  await s.byName('Bắt đầu sử dụng');
  const buttons = () =>
    s.execute(`return [...document.querySelectorAll('[aria-label="Bắt đầu sử dụng"] button')].map((b) => b.textContent.trim());`);
  assert.deepEqual(await buttons(), ['Tạo tài khoản và bắt đầu']);
  await s.type('Tên đơn vị', 'phường Việt Hòa');
  await s.type('Tên đăng nhập', ADMIN.login);
  await s.type('Họ và tên', ADMIN.name);
  await s.type('Mật khẩu', ADMIN.password);
  await s.type('Nhập lại mật khẩu', ADMIN.password);
  await s.click('Tạo tài khoản và bắt đầu');
  await s.waitFor('the screens', async () =>
    s.execute(`return document.querySelector('[aria-label="Bắt đầu sử dụng"]') === null
      && document.querySelector('[data-testid="user-name"]') !== null;`),
  );
  assert.equal(await s.textOf('[data-testid="user-name"]'), ADMIN.name);
  // The register's own records are there: the chart's weeks and the open petitions.
  const bars = await s.waitFor('the 12-week chart', async () => {
    const labels = await s.execute(
      `return [...document.querySelectorAll('svg[role=img] rect[aria-label]')].map((r) => r.getAttribute('aria-label'));`,
    );
    return labels.length === 12 ? labels : null;
  });
  const visits = bars.map((l) => Number(/: (\d+) lượt tiếp/.exec(l)[1]));
  assert.ok(visits.reduce((a, b) => a + b, 0) > 0, `the demo's visits are shown (${visits})`);
  assert.ok(Number(await s.textOf('[data-cell="week.open_petitions"]')) > 0, 'open petitions are shown');
});
