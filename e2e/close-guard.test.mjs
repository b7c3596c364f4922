// End to end: closing the window while work is half typed. The close request (the same
// one the window's × button sends) is held, an in-page dialog names what would be lost
// (a visit, a settings edit, a petition's move) with "Ở lại" focused; staying keeps the
// typed text; "Đóng, bỏ dữ liệu" closes the app. Deleting a session says it drops the
// visit typed in it; a settings edit survives a look at another screen.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Session, startDriver } from './webdriver.mjs';
import { ADMIN, firstStart, signIn } from './access.mjs';

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
// The close is requested after the script has answered: a window that closes at once
// would otherwise take the script's reply with it ("unknown error").
const requestClose = () =>
  s.execute(
    `setTimeout(() => window.__TAURI_INTERNALS__.invoke('plugin:window|close', { label: 'main' }), 50); return true;`,
  );

const dialogText = () =>
  s.execute(`const d = document.querySelector('[role=alertdialog][aria-modal=true]'); return d ? d.innerText.replace(/\\s+/g, ' ').trim() : '';`);

test('a half-typed visit holds the close; "Ở lại" keeps it; deleting its session says it goes too', async () => {
  await firstStart(s, { unit: 'phường Việt Hòa' });

  await s.click('Sổ tiếp dân');
  await s.click('Mở buổi tiếp');
  // Opened today, nobody received yet: not "Không có công dân đến" (that is for a day over).
  assert.equal(await s.textOf('[data-testid="no-visit"]'), 'Chưa có lượt tiếp.');
  await s.expectText('button.session.selected', /Chưa có lượt tiếp$/);
  await s.type('Họ và tên', 'Trần Văn Bình');
  await s.type('Nội dung', 'Hỏi về hồ sơ cấp đổi giấy chứng nhận');

  // Deleting the session (opened by mistake) would drop the visit typed in it: said so.
  await s.click('Xóa buổi tiếp');
  assert.equal(
    await s.textOf('[data-testid="delete-session-question"]'),
    'Xóa buổi tiếp này? Lượt tiếp đang nhập (Trần Văn Bình) chưa lưu sẽ bị bỏ. Việc xóa được ghi vào lịch sử sửa đổi.',
  );
  await s.click('Hủy');

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
});

test('a settings edit survives a look at another screen; a typed petition move is kept; the close names each', async () => {
  // Cài đặt: typed, not saved, then another screen and back: still there.
  await s.click('Cài đặt');
  await s.type('Tên bộ phận tiếp công dân', 'Tổ tiếp công dân');
  await s.click('Tổng quan');
  await s.click('Cài đặt');
  assert.equal(await s.valueOf('Tên bộ phận tiếp công dân'), 'Tổ tiếp công dân');

  // A petition by post, then its classification begun on its page.
  await s.click('Đơn thư');
  await s.click('Thêm đơn');
  await s.choose('Loại đơn', 'Kiến nghị, phản ánh');
  await s.type('Nội dung đơn', 'Kiến nghị sửa đèn chiếu sáng ngõ 12');
  await s.type('Họ và tên', 'Trịnh Văn Bốn');
  await s.click('Ghi đơn');
  await s.waitFor('saved', async () =>
    s.execute(`return [...document.querySelectorAll('[role=status]')].some((e) => e.textContent.includes('Đã ghi đơn số 1/'));`),
  );
  await s.click('Quay lại danh sách đơn');
  const row = await s.css('tr[data-petition-number^="1/"] td');
  await s.cmd('POST', `/element/${row}/click`, {});
  await s.click('Phân loại đơn');
  await s.click('Đủ điều kiện xử lý');
  // The register and back: the move form is still there, as typed.
  await s.click('Sổ tiếp dân');
  assert.equal(await s.valueOf('Họ và tên'), 'Trần Văn Bình');
  await s.click('Đơn thư');
  assert.equal(await s.execute(`return document.querySelector('input[name="mv-eligible"][value="yes"]')?.checked;`), true);

  // The close names each kind of work it would drop.
  await requestClose();
  const text = await s.waitFor('the close dialog', async () => (await dialogText()) || null);
  assert.match(text, /^Đóng phần mềm\? Có dữ liệu đang nhập chưa lưu: .+\. Đóng phần mềm và bỏ dữ liệu này\?/);
  for (const words of ['lượt tiếp đang nhập', 'cài đặt chưa lưu', 'bước xử lý đơn đang nhập']) {
    assert.ok(text.includes(words), `"${words}" in "${text}"`);
  }
  assert.ok(!text.includes('màn hình khác'), text);
  await sleep(200);
  writeFileSync(join(outDir, 'close-guard-named.png'), await s.screenshot());
  await s.click('Ở lại');
  await s.waitFor('the dialog gone', async () => (await dialogText()) === '');
  assert.equal(await s.execute(`return document.querySelector('input[name="mv-eligible"][value="yes"]')?.checked;`), true);
});

test('"Đóng, bỏ dữ liệu" closes the window', async () => {
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
  // The register has its administrator now: the window opens on the sign-in screen.
  await signIn(s, ADMIN.login, ADMIN.password);
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
