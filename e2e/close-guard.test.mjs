// End to end: closing the window while a visit is half typed. The close request (the same
// one the window's × button sends) is held, an in-page dialog names what would be lost
// with "Ở lại" focused; staying keeps the typed text; "Đóng, bỏ dữ liệu" closes the app.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Session, startDriver } from './webdriver.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4490);
const outDir = new URL('./out/', import.meta.url).pathname;
let driver;
let s;

before(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tiepdan-e2e-'));
  driver = await startDriver(PORT, { ...process.env, TIEPDAN_DB: join(dataDir, 'close.sqlite3') });
  s = await Session.create(PORT, process.env.TIEPDAN_APP);
  mkdirSync(outDir, { recursive: true });
});

after(async () => {
  await s?.close().catch(() => {});
  driver?.kill();
});

/** Ask the window to close, as its × button does (Tauri's window close command). */
const requestClose = () =>
  s.execute(`window.__TAURI_INTERNALS__.invoke('plugin:window|close', { label: 'main' }); return true;`);

const dialogText = () =>
  s.execute(`const d = document.querySelector('[role=alertdialog][aria-modal=true]'); return d ? d.innerText.replace(/\\s+/g, ' ').trim() : '';`);

test('a half-typed visit holds the close; "Ở lại" keeps it, "Đóng, bỏ dữ liệu" closes', async () => {
  await s.byName('Bắt đầu sử dụng');
  await s.click('Bắt đầu với sổ trống');

  await s.click('Sổ tiếp dân');
  await s.click('Mở buổi tiếp');
  await s.type('Họ và tên', 'Trần Văn Bình');
  await s.type('Nội dung', 'Hỏi về hồ sơ cấp đổi giấy chứng nhận');

  await requestClose();
  const text = await s.waitFor('the close dialog', async () => (await dialogText()) || null);
  assert.match(text, /Có dữ liệu đang nhập chưa lưu: lượt tiếp đang nhập\. Đóng phần mềm và bỏ dữ liệu này\?/);
  assert.equal(await s.execute('return document.activeElement.textContent.trim();'), 'Ở lại');
  await sleep(200);
  writeFileSync(join(outDir, 'close-guard.png'), await s.screenshot());

  await s.click('Ở lại');
  await s.waitFor('the dialog gone', async () => (await dialogText()) === '');
  assert.equal(await s.valueOf('Họ và tên'), 'Trần Văn Bình');
  assert.equal(await s.valueOf('Nội dung'), 'Hỏi về hồ sơ cấp đổi giấy chứng nhận');
  // The window is still there and answers.
  await sleep(500);
  assert.equal(await s.execute('return document.title;'), 'Sổ Tiếp Dân');

  // Asked again, the officer gives the work up: the app closes.
  await requestClose();
  await s.waitFor('the close dialog again', async () => (await dialogText()) || null);
  // The window may be gone before the click's answer comes back.
  await s.click('Đóng, bỏ dữ liệu').catch(() => {});
  await s.waitFor(
    'the window gone',
    async () => {
      try {
        await s.execute('return 1;');
        return false;
      } catch {
        return true;
      }
    },
    10000,
  );
});

test('with nothing typed the same close request closes the window at once', async () => {
  // A fresh window on the same register (the first start was answered above). The
  // closed window's WebDriver session is ended first; the driver may take a moment.
  await s.close().catch(() => {});
  s = await s.waitFor('a new session', () => Session.create(PORT, process.env.TIEPDAN_APP), 20000);
  await s.click('Sổ tiếp dân');
  await s.byName('Mở buổi tiếp');
  await requestClose();
  await s.waitFor(
    'the window gone',
    async () => {
      try {
        await s.execute('return 1;');
        return false;
      } catch {
        return true;
      }
    },
    10000,
  );
});
