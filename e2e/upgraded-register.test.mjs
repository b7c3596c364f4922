// End to end: a register that already holds records but no account (made before accounts
// existed) opens on the same first-start dialog, without the sample data: it creates its
// administrator, who then finds the records there.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Session, startDriver } from './webdriver.mjs';
import { firstStart } from './access.mjs';

const PORT = Number(process.env.E2E_PORT ?? 5640);
const CLI = process.env.TIEPDAN_CLI ?? join(dirname(process.env.TIEPDAN_APP ?? ''), 'tiepdan');
let driver;
let s;
let petitions;

before(async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'tiepdan-e2e-')), 'upgraded.sqlite3');
  const env = { ...process.env, TIEPDAN_DB: db };
  delete env.TIEPDAN_USER;
  // The sample spans the half year to today: how many petitions it made, as it says.
  const said = execFileSync(CLI, ['--db', db, 'demo'], { env, encoding: 'utf8' });
  petitions = Number(/(\d+) đơn\./.exec(said)?.[1]);
  assert.ok(petitions > 50, said);
  driver = await startDriver(PORT, { ...process.env, TIEPDAN_DB: db });
  s = await Session.create(PORT, process.env.TIEPDAN_APP);
});

after(async () => {
  await s?.close().catch(() => {});
  driver?.kill();
});

test('a register with records and no account creates its administrator, without the sample', async () => {
  await s.byName('Bắt đầu sử dụng');
  const buttons = await s.execute(
    `return [...document.querySelectorAll('[aria-label="Bắt đầu sử dụng"] button')].map((b) => b.textContent.trim());`,
  );
  // Not called an empty register, and no sample offered over real records.
  assert.deepEqual(buttons, ['Tạo tài khoản và bắt đầu']);
  await firstStart(s, { unit: 'phường Việt Hòa', records: true });
  assert.equal(await s.textOf('[data-testid="user-name"]'), 'Quản trị viên');
  await s.click('Đơn thư');
  await s.expectText('table.data caption', new RegExp(`^Danh sách đơn \\(${petitions}\\)`));
});
