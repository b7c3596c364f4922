// End to end: a petition received by post is added on the Đơn thư screen, gets the
// year's number, shows in the list and in the filter, and is closed from the list.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session, startDriver } from './webdriver.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4462);
const outDir = new URL('./out/', import.meta.url).pathname;
let driver;
let s;

before(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tiepdan-e2e-'));
  driver = await startDriver(PORT, { ...process.env, TIEPDAN_DB: join(dataDir, 'petitions.sqlite3') });
  s = await Session.create(PORT, process.env.TIEPDAN_APP);
});

after(async () => {
  if (s) {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'petitions-last.png'), await s.screenshot().catch(() => Buffer.alloc(0)));
  }
  await s?.close().catch(() => {});
  driver?.kill();
});

const rowText = (number) =>
  s.execute(
    `const r = document.querySelector('tr[data-petition-number="' + arguments[0] + '"]');
     return r ? r.textContent.replace(/\\s+/g, ' ') : null;`,
    number,
  );

test('a petition by post is numbered, listed, filtered and closed', async () => {
  await s.click('Bắt đầu với sổ trống');
  await s.click('Đơn thư');
  await s.click('Thêm đơn');
  await s.choose('Nguồn đơn', 'Qua bưu chính');
  await s.choose('Loại đơn', 'Khiếu nại');
  await s.choose('Lĩnh vực', 'Đất đai');
  await s.type('Nội dung đơn', 'Khiếu nại quyết định thu hồi đất của hộ gia đình');
  await s.type('Họ và tên', 'Phạm Thị Lan');

  // A mistyped ID number is refused first; the officer deletes it.
  await s.type('Số giấy tờ', '12345');
  await s.click('Lưu đơn');
  await s.waitFor('the refusal', async () =>
    s.execute(`return [...document.querySelectorAll('[role=alert]')].some((e) => e.textContent.includes('12 chữ số'));`),
  );
  await s.type('Số giấy tờ', '');
  await s.click('Lưu đơn');
  const year = new Date().getFullYear();
  await s.waitFor('the number', async () =>
    s.execute(
      `return [...document.querySelectorAll('[role=status]')].some((e) => e.textContent.includes(arguments[0]));`,
      `Đã lưu đơn số 1/${year}`,
    ),
  );

  await s.click('Quay lại danh sách đơn');
  const row = await s.waitFor('the row', () => rowText(`1/${year}`));
  assert.match(row, /Qua bưu chính/);
  assert.match(row, /Khiếu nại/);
  assert.match(row, /Đất đai/);
  assert.match(row, /Phạm Thị Lan/);
  assert.match(row, /Đang xử lý/);

  await s.click('Đóng đơn');
  await s.waitFor('closed', async () => /Đã xong/.test((await rowText(`1/${year}`)) ?? ''));

  // The filter by status hides it from the open ones.
  await s.choose('Trạng thái', 'Đang xử lý');
  await s.click('Lọc');
  await s.waitFor('filtered', async () => (await rowText(`1/${year}`)) === null);
});
