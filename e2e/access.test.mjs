// End to end: accounts, roles and a denunciator's secret identity in the real window. A
// register made with the CLI (the sample data, an administrator, an officer and a leader)
// opens on the sign-in screen; the officer sees the denunciator masked in Đơn thư and on
// the petition's page, and Ctrl+K with the real name finds nothing; a wrong password is
// answered under the password; the leader reveals the identity with a reason, in a dialog
// that forgets it when closed; a command the core refuses (signed out behind the screen's
// back) brings the sign-in screen back, and signing in returns to the screen it was on;
// the window locks itself after the idle time (1 minute here).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { KEY, MOVE_KEY, Session, startDriver } from './webdriver.mjs';
import { signIn } from './access.mjs';
import { resize, shot } from './layout-check.mjs';

const PORT = Number(process.env.E2E_PORT ?? 5600);
const CLI = process.env.TIEPDAN_CLI ?? join(dirname(process.env.TIEPDAN_APP ?? ''), 'tiepdan');
const MASK = 'Người tố cáo (được bảo mật)';
const OFFICER = { login: 'canbo', name: 'Nguyễn Thị Tiếp', password: 'canbo-12345' };
const LEADER = { login: 'lanhdao', name: 'Trần Văn Chủ Tịch', password: 'lanhdao-12345' };
let driver;
let s;
/** A denunciation with a named petitioner: its number, and who the petitioner really is. */
let secret;

function cli(db, args, env = {}) {
  // Nobody, unless the call names the account (an empty TIEPDAN_USER would name "").
  const base = { ...process.env, TIEPDAN_DB: db };
  for (const k of ['TIEPDAN_USER', 'TIEPDAN_PASSWORD', 'TIEPDAN_NEW_PASSWORD']) delete base[k];
  return execFileSync(CLI, ['--db', db, ...args], {
    env: { ...base, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

before(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tiepdan-e2e-'));
  const db = join(dataDir, 'access.sqlite3');
  cli(db, ['demo']);
  cli(db, ['user', 'add', 'quantri', '--name', 'Quản trị viên', '--role', 'admin'], { TIEPDAN_NEW_PASSWORD: 'matkhau-123' });
  const asAdmin = { TIEPDAN_USER: 'quantri', TIEPDAN_PASSWORD: 'matkhau-123' };
  for (const [u, role] of [
    [OFFICER, 'officer'],
    [LEADER, 'leader'],
  ]) {
    cli(db, ['user', 'add', u.login, '--name', u.name, '--role', role], { ...asAdmin, TIEPDAN_NEW_PASSWORD: u.password });
  }
  // Only a leader's full export names the denunciators.
  const full = JSON.parse(
    cli(db, ['export', '--full', '-'], { TIEPDAN_USER: LEADER.login, TIEPDAN_PASSWORD: LEADER.password }),
  );
  const persons = new Map(full.persons.map((p) => [p.id, p]));
  const petition = full.petitions.find(
    (p) => p.kind === 'denunciation' && !p.anonymous && (p.petitioner_ids ?? []).length === 1,
  );
  assert.ok(petition, 'the sample data holds a named denunciation');
  const person = persons.get(petition.petitioner_ids[0]);
  assert.ok(person && person.full_name && person.full_name !== MASK, 'the full export names the denunciator');
  secret = { number: `${petition.number}/${petition.year}`, name: person.full_name, content: petition.content };

  driver = await startDriver(PORT, { ...process.env, TIEPDAN_DB: db });
  s = await Session.create(PORT, process.env.TIEPDAN_APP);
});

after(async () => {
  await s?.close().catch(() => {});
  driver?.kill();
});

const pageText = () => s.execute(`return document.body.innerText;`);
/** Every text in the page, hidden parts too (what a look at the DOM would find). */
const domText = () => s.execute(`return document.body.textContent;`);
const signInShown = () => s.execute(`return document.querySelector('section[aria-label="Đăng nhập"]') !== null;`);

async function openPetitionRow(number) {
  await s.click('Đơn thư');
  const el = await s.css(`tr[data-petition-number="${number}"] td`);
  await s.cmd('POST', `/element/${el}/click`, {});
  await s.waitFor(`petition ${number}`, async () => (await s.textOf('#pp-title')) === `Đơn số ${number}`);
}

test('the register with accounts opens on the sign-in screen', async () => {
  await s.byName('Đăng nhập');
  assert.equal(await s.textOf('[data-testid="sign-in-unit"]'), 'phường');
  assert.equal(await s.execute(`return document.querySelector('[aria-label="Bắt đầu sử dụng"]');`), null, 'no first start');
  // Nothing of the register is in the page, shown or hidden.
  assert.equal(await s.execute(`return document.querySelector('main table, main .screen');`), null);
  assert.ok(!(await domText()).includes(secret.content), 'no petition on screen before signing in');
  for (const [w, h] of [
    [1024, 640],
    [1280, 800],
  ]) {
    await resize(s, w, h);
    await shot(s, `access-sign-in-${w}`);
  }
});

test('an officer sees the denunciator masked in Đơn thư, on its page, and not found by name', async () => {
  await signIn(s, OFFICER.login, OFFICER.password);
  assert.equal(await s.textOf('[data-testid="user-name"]'), OFFICER.name);
  assert.equal(await s.textOf('[data-testid="user-roles"]'), 'Cán bộ tiếp dân');
  const tabs = await s.execute(`return [...document.querySelectorAll('nav[aria-label="Màn hình"] button')].map((b) => b.textContent.trim());`);
  assert.deepEqual(tabs, ['Tổng quan', 'Sổ tiếp dân', 'Đơn thư', 'Tổng hợp'], 'no Cài đặt for an officer');

  await s.click('Đơn thư');
  const cell = await s.waitFor('the denunciation in the list', async () =>
    s.execute(
      `const r = document.querySelector('tr[data-petition-number="' + arguments[0] + '"]');
       return r ? [...r.cells].map((c) => c.textContent.replace(/\\s+/g, ' ').trim()).find((t) => t.includes('bảo mật')) ?? null : null;`,
      secret.number,
    ),
  );
  assert.equal(cell, `${MASK}bảo mật`, 'the mask and its badge');
  assert.ok(!(await domText()).includes(secret.name), 'the real name is nowhere in the page');
  for (const [w, h] of [
    [1024, 640],
    [1280, 800],
  ]) {
    await resize(s, w, h);
    await s.execute(
      `document.querySelector('tr[data-petition-number="' + arguments[0] + '"]').scrollIntoView({ block: 'center' });`,
      secret.number,
    );
    await shot(s, `access-masked-list-${w}`);
  }

  await openPetitionRow(secret.number);
  const petitioners = await s.textOf('dd.persons');
  assert.match(petitioners, /^Người tố cáo \(được bảo mật\)\s*bảo mật$/);
  assert.ok(!(await domText()).includes(secret.name));

  // The officer's page of the masked person: no correction, no merge, no reveal.
  await s.click(MASK);
  await s.waitFor('the person page', async () => (await s.textOf('h2#pp-title')).startsWith('Hồ sơ công dân'));
  const buttons = await s.execute(`return [...document.querySelectorAll('[role=dialog][aria-labelledby="pp-title"] button')].map((b) => b.textContent.trim());`);
  for (const b of ['Sửa', 'Gộp với hồ sơ khác…', 'Xem danh tính']) assert.ok(!buttons.includes(b), `no "${b}" for the officer`);
  await s.keys('Đóng', MOVE_KEY.escape);

  // Ctrl+K with the real name finds nothing.
  await s.execute(`document.activeElement?.blur?.();`);
  await s.click('Tìm (Ctrl+K)');
  await s.type('Tìm trong sổ', secret.name);
  const said = await s.waitFor('the search', async () => {
    const t = await s.textOf('#search-status');
    return /Không tìm thấy|kết quả/.test(t) ? t : null;
  });
  assert.equal(said, `Không tìm thấy gì khớp với “${secret.name}”.`);
  await s.keys('Tìm trong sổ', MOVE_KEY.escape);

  // Tổng hợp: an officer neither exports nor locks.
  await s.click('Tổng hợp');
  await s.css('[data-testid="sum-data-line"]');
  await s.byName('Xem bản in Sổ');
  assert.equal(
    await s.execute(`return [...document.querySelectorAll('main button')].filter((b) => /^Xuất |Khóa số liệu/.test(b.textContent.trim())).length;`),
    0,
    'no export or lock button for an officer',
  );
  // … and is told who does, instead of finding the buttons gone.
  const why = await s.execute(`return document.querySelector('[data-testid="export-not-allowed"]')?.textContent.trim();`);
  assert.match(why ?? '', /do tài khoản có vai trò Lãnh đạo xuất/);
});

test('signing out leaves nothing of the register on screen; a wrong password is answered under it', async () => {
  await s.click('Đăng xuất');
  await s.waitFor('the sign-in screen', signInShown);
  assert.equal(await s.execute(`return document.querySelector('main table, main .screen');`), null, 'the screens are gone');
  assert.ok(!(await domText()).includes(secret.content));
  assert.equal(await s.valueOf('Tên đăng nhập'), '', 'nobody’s login kept after a sign-out');

  await s.type('Tên đăng nhập', LEADER.login);
  await s.type('Mật khẩu', 'sai-mat-khau');
  await s.keys('Mật khẩu', KEY.enter);
  const message = await s.waitFor('the refusal', () =>
    s.execute(`return document.getElementById('si-password-err')?.textContent.trim() ?? '';`),
  );
  assert.equal(message, 'Tên đăng nhập hoặc mật khẩu không đúng (hoặc tài khoản đã bị khóa).');
  assert.ok(await signInShown());
});

test('a leader reveals the identity with a reason, in the dialog only', async () => {
  await signIn(s, LEADER.login, LEADER.password);
  assert.equal(await s.textOf('[data-testid="user-roles"]'), 'Lãnh đạo');
  await openPetitionRow(secret.number);
  await s.click(MASK);
  await s.waitFor('the person page', async () => (await s.textOf('h2#pp-title')).startsWith('Hồ sơ công dân'));
  const buttons = await s.execute(`return [...document.querySelectorAll('[role=dialog][aria-labelledby="pp-title"] button')].map((b) => b.textContent.trim());`);
  assert.ok(!buttons.includes('Sửa') && !buttons.includes('Gộp với hồ sơ khác…'), 'a masked person is never corrected or merged');

  await s.click('Xem danh tính');
  await s.byName('Lý do xem danh tính');
  // The reason is required.
  await s.keys('Lý do xem danh tính', KEY.enter);
  assert.match(
    await s.waitFor('the reason asked', () => s.execute(`return document.getElementById('rv-reason-err')?.textContent.trim() ?? '';`)),
    /^Lý do xem danh tính: /,
  );
  await s.type('Lý do xem danh tính', 'Xác minh nội dung tố cáo theo kế hoạch');
  await s.keys('Lý do xem danh tính', KEY.enter);
  const shown = await s.waitFor('the identity', () =>
    s.execute(`return document.querySelector('[data-testid="revealed"]')?.textContent ?? '';`),
  );
  assert.ok(shown.includes(secret.name), `the real name in the dialog (${shown})`);
  assert.ok(
    (await s.textOf('[aria-labelledby="rv-title"]')).includes('Việc xem danh tính đã được ghi vào nhật ký.'),
    'the reveal is said to be logged',
  );
  // Only in the dialog: the page behind still shows the mask.
  assert.equal(
    await s.execute(`return document.querySelector('[data-fact="name"]').textContent.replace(/\\s+/g, ' ').trim();`),
    `${MASK}bảo mật`,
  );
  for (const [w, h] of [
    [1024, 640],
    [1280, 800],
  ]) {
    await resize(s, w, h);
    await shot(s, `access-reveal-${w}`);
  }
  const close = await s.css('[aria-labelledby="rv-title"] button.primary');
  assert.equal(await s.cmd('GET', `/element/${close}/text`), 'Đóng');
  await s.cmd('POST', `/element/${close}/click`, {});
  await s.waitFor('the dialog closed', async () =>
    s.execute(`return document.querySelector('[aria-labelledby="rv-title"]') === null;`),
  );
  assert.ok(!(await domText()).includes(secret.name), 'closing forgets the identity');
  await s.keys('Đóng', MOVE_KEY.escape);

  // Tổng hợp: the Sổ in full (denunciators named) is the leader's choice, unticked.
  await s.click('Tổng hợp');
  await s.byName('Xuất Sổ tiếp công dân (Excel)');
  assert.equal(
    await s.execute(`const l = [...document.querySelectorAll('main label')].find((l) => l.textContent.trim() === 'Bản đầy đủ (có danh tính người tố cáo)');
      return l ? l.querySelector('input[type=checkbox]').checked : null;`),
    false,
  );
  assert.equal(await s.execute(`return document.querySelector('[data-testid="export-not-allowed"]');`), null, 'a leader exports: no note');
  // Back to the petition's page (Đơn thư keeps it open).
  await s.click('Đơn thư');
  await s.css('#pp-back');
});

test('a command the core refuses brings the sign-in screen back; signing in returns to the screen', async () => {
  // The core signs out (as its idle lock does) behind the screen's back; the next command
  // is refused with sign_in_required.
  await s.execute(`return window.__TAURI_INTERNALS__.invoke('sign_out');`);
  // Back to the list (it loads again), or "Lọc" if it did not: a command the core refuses.
  await s.execute(`document.querySelector('#pp-back')?.click();`);
  await s.waitFor('the list or the sign-in screen', async () =>
    s.execute(`return document.querySelector('section[aria-label="Đăng nhập"], tr[data-petition-number]') !== null;`),
  );
  if (!(await signInShown())) await s.click('Lọc');
  await s.waitFor('the sign-in screen', signInShown);
  const said = await s.textOf('section[aria-label="Đăng nhập"] [role=status]');
  assert.equal(said, 'Chưa đăng nhập: hãy đăng nhập để tiếp tục.');
  assert.equal(
    await s.execute(`const a = document.querySelector('.app'); return a.hidden && a.inert;`),
    true,
    'the screens are hidden and inert',
  );
  // The login of the account that was signed in is kept: only the password to type.
  assert.equal(await s.valueOf('Tên đăng nhập'), LEADER.login);
  await signIn(s, LEADER.login, LEADER.password);
  assert.equal(
    await s.execute(`return document.querySelector('nav[aria-label="Màn hình"] [aria-current=page]').textContent.trim();`),
    'Đơn thư',
    'back on the screen it was on',
  );
});

test('Đổi mật khẩu: the current one is checked, the new one typed twice, then used to sign in', async () => {
  await s.click('Đổi mật khẩu');
  await s.byName('Mật khẩu hiện tại');
  const err = (id) => s.execute(`return document.getElementById('${id}-err')?.textContent.trim() ?? '';`);
  await s.type('Mật khẩu hiện tại', 'sai-mat-khau');
  await s.type('Mật khẩu mới', 'lanhdao-67890');
  await s.type('Nhập lại mật khẩu mới', 'lanhdao-67891');
  await s.keys('Nhập lại mật khẩu mới', KEY.enter);
  assert.equal(await s.waitFor('the mismatch', () => err('cp-again')), 'Hai lần nhập mật khẩu mới không giống nhau: hãy nhập lại.');
  await s.type('Nhập lại mật khẩu mới', 'lanhdao-67890');
  await s.keys('Nhập lại mật khẩu mới', KEY.enter);
  assert.equal(await s.waitFor('the core’s answer', () => err('cp-old')), 'Mật khẩu hiện tại không đúng.');
  await s.type('Mật khẩu hiện tại', LEADER.password);
  await s.keys('Mật khẩu hiện tại', KEY.enter);
  await s.waitFor('changed', async () =>
    s.execute(`return document.querySelector('[aria-labelledby="cp-title"] [role=status]')?.textContent.includes('Đã đổi mật khẩu') ?? false;`),
  );
  const close = await s.css('[aria-labelledby="cp-title"] button.primary');
  await s.cmd('POST', `/element/${close}/click`, {});
  await s.click('Đăng xuất');
  await s.waitFor('the sign-in screen', signInShown);
  await s.type('Tên đăng nhập', LEADER.login);
  await s.type('Mật khẩu', LEADER.password);
  await s.keys('Mật khẩu', KEY.enter);
  await s.waitFor('the old password refused', () =>
    s.execute(`return document.getElementById('si-password-err')?.textContent.trim() ?? '';`),
  );
  await signIn(s, LEADER.login, 'lanhdao-67890');
  assert.equal(await s.textOf('[data-testid="user-name"]'), LEADER.name);
});

test('the window locks itself after the idle time and opens again on the same screen', async () => {
  // The administrator sets the shortest idle lock (1 minute; there is no CLI for it, and
  // Cài đặt's section for it is another task's): through the command the app calls.
  await s.click('Đăng xuất');
  await signIn(s, 'quantri', 'matkhau-123');
  assert.equal(await s.execute(`return window.__TAURI_INTERNALS__.invoke('set_idle_lock', { minutes: 1 });`), 1);
  // Signed in again, the window reads the new idle time.
  await s.click('Đăng xuất');
  await signIn(s, 'quantri', 'matkhau-123');
  await s.click('Tổng hợp');
  const started = Date.now();
  await s.waitFor('the lock', signInShown, 90000);
  const waited = (Date.now() - started) / 1000;
  assert.ok(waited >= 55, `not before the minute (${waited} s)`);
  assert.equal(
    await s.textOf('section[aria-label="Đăng nhập"] [role=status]'),
    'Phần mềm đã tự khóa sau 1 phút không dùng: hãy đăng nhập lại.',
  );
  assert.equal(await s.execute(`const a = document.querySelector('.app'); return a.hidden && a.inert;`), true);
  await signIn(s, 'quantri', 'matkhau-123');
  assert.equal(
    await s.execute(`return document.querySelector('nav[aria-label="Màn hình"] [aria-current=page]').textContent.trim();`),
    'Tổng hợp',
  );
});

test("the administrator's Nhật ký shows the leader's reveal: who, whom, why", async () => {
  // Signed in as the administrator (the test before ends so).
  assert.equal(await s.textOf('[data-testid="user-name"]'), 'Quản trị viên');
  await s.click('Cài đặt');
  await s.css('#au-title');
  const rows = await s.waitFor('the reveal in the log', async () => {
    const all = await s.execute(`return [...document.querySelectorAll('.audit tbody tr[data-seq]')].map((tr) =>
      [...tr.querySelectorAll('td')].map((c) => c.textContent.trim()));`);
    // Số, Thời điểm, Tài khoản, Việc, Đối tượng, Ghi chú.
    const found = all.filter((td) => td[3] === 'Xem danh tính người tố cáo');
    return found.length > 0 ? found : null;
  });
  assert.equal(rows.length, 1, 'one reveal');
  const [, , who, , , note] = rows[0];
  assert.equal(who, LEADER.login);
  assert.equal(note, 'Xác minh nội dung tố cáo theo kế hoạch');
  // The log names nobody it should not: the denunciator's name is nowhere on the screen.
  assert.ok(!(await domText()).includes(secret.name), 'the log does not name the denunciator');
  await s.click('Kiểm tra tính toàn vẹn');
  await s.expectText('[data-testid="audit-verdict"]', /nguyên vẹn/, 60000);
});
