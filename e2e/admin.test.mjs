// End to end, Cài đặt for the administrator (issue 7): a register built with the CLI (the
// sample data, then the administrator "quantri"); signed in as quantri, Cài đặt shows
// Tài khoản, Sao lưu and Nhật ký. An officer account is added (a short password refused
// beside "Mật khẩu"), then locked and its password reset; the last administrator keeps the
// role; "Sao lưu ngay" makes a checked backup that is listed; a backup into a
// missing folder is refused beside the folder, into an existing one is made there; the
// restore of the backup, confirmed in the page, brings back the register as it was (an
// account and the idle lock changed after the backup are gone) and says where the former
// file is kept; the audit log lists the sign-in, the account, the backup and the restore,
// pages with "Xem thêm", filters by action, and "Kiểm tra tính toàn vẹn" says it is whole
// (and, where the sqlite3 shell is at hand, broken once a row is edited behind the app).
// Screenshots of each section at 1024×640 go to e2e/out/admin-*.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEY, MOVE_KEY, Session, startDriver } from './webdriver.mjs';
import { signIn as signInAt } from './access.mjs';
import { cutOff, resize, shot } from './layout-check.mjs';

const PORT = Number(process.env.E2E_PORT ?? 5700);
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
/** The CLI beside the app (target/debug/tiepdan), or TIEPDAN_CLI. */
const CLI = process.env.TIEPDAN_CLI ?? join(process.env.TIEPDAN_APP ?? '', '..', 'tiepdan');

let driver;
let s;
let dataDir;
let dbPath;
/** What the CLI said it loaded: {sessions, visits, petitions}. */
let demo;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tiepdan-e2e-admin-'));
  dbPath = join(dataDir, 'so.sqlite3');
  const said = execFileSync(CLI, ['--db', dbPath, 'demo'], { encoding: 'utf8' });
  const m = /(\d+) buổi tiếp, (\d+) lượt tiếp, (\d+) đơn/.exec(said);
  assert.ok(m, `the CLI's demo line: ${said}`);
  demo = { sessions: m[1], visits: m[2], petitions: m[3] };
  execFileSync(CLI, ['--db', dbPath, 'user', 'add', 'quantri', '--name', 'Quản trị viên', '--role', 'admin'], {
    env: { ...process.env, TIEPDAN_NEW_PASSWORD: 'matkhau-123' },
  });
  driver = await startDriver(PORT, { ...process.env, TIEPDAN_DB: dbPath });
  s = await Session.create(PORT, process.env.TIEPDAN_APP);
  await resize(s, 1024, 640);
  await signInAt(s, 'quantri', 'matkhau-123');
  await s.click('Cài đặt');
  await s.css('#acc-title');
});

after(async () => {
  if (s) await shot(s, 'admin-last').catch(() => {});
  await s?.close().catch(() => {});
  driver?.kill();
});

const el = (id) => ({ [ELEMENT]: id });

/** The message or hint the control named `name` points to (aria-describedby). */
const describedBy = async (name) => {
  const id = await s.byName(name);
  return s.execute(
    `const ids = (arguments[0].getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
     return ids.map((id) => document.getElementById(id)?.textContent.trim() ?? '').join(' ');`,
    el(id),
  );
};

/** The accounts table: [{login, name, roles, state}]. */
const accountRows = () =>
  s.execute(`return [...document.querySelectorAll('.accounts tbody tr[data-login]')].map((tr) => {
    const td = [...tr.querySelectorAll('td')].map((c) => c.textContent.trim());
    return { login: td[0], name: td[1], roles: td[2], state: td[3] };
  });`);

/** The backups listed: [{path, when, size}]. */
const backupRows = () =>
  s.execute(`return [...document.querySelectorAll('.backups tbody tr[data-backup]')].map((tr) => {
    const td = [...tr.querySelectorAll('td')].map((c) => c.textContent.trim());
    return { path: tr.dataset.backup, when: td[0], size: td[1], file: td[2] };
  });`);

/** The audit rows shown: [{seq, when, who, action, what, note}]. */
const auditRows = () =>
  s.execute(`return [...document.querySelectorAll('.audit tbody tr[data-seq]')].map((tr) => {
    const td = [...tr.querySelectorAll('td')].map((c) => c.textContent.trim());
    return { seq: Number(tr.dataset.seq), shownSeq: Number(td[0]), when: td[1], who: td[2], action: td[3], what: td[4], note: td[5] };
  });`);

/** Scroll a section's heading to the top of <main> and take a screenshot of the window. */
async function sectionShot(headingId, name) {
  await s.execute(
    `const h = document.getElementById(arguments[0]); const main = document.querySelector('main');
     main.scrollTop += h.getBoundingClientRect().top - main.getBoundingClientRect().top - 8;`,
    headingId,
  );
  await shot(s, name);
}

test('Cài đặt shows the administrator’s three sections, reached from links under the title', async () => {
  await shot(s, 'admin-settings-top-1024');
  for (const [link, heading] of [
    ['Nhật ký', 'au-title'],
    ['Sao lưu', 'bk-title'],
    ['Tài khoản', 'acc-title'],
  ]) {
    await s.click(link);
    await s.waitFor(`the focus on ${heading}`, async () => (await s.execute('return document.activeElement?.id;')) === heading);
  }
});

test('Tài khoản: an officer account is added, then locked with its password reset; refusals beside their inputs', async () => {
  assert.deepEqual(
    (await accountRows()).map((r) => [r.login, r.name, r.roles, r.state]),
    [['quantri', 'Quản trị viên', 'Quản trị', 'Đang hoạt động']],
  );
  await s.click('Thêm tài khoản');
  assert.equal(
    await s.execute('return document.activeElement?.id;'),
    'acc-login',
    'the form opens with the focus on its first input',
  );
  // The form keeps its height when the focus leaves an input (a click on a button below
  // would otherwise land on what moved under the pointer).
  const formHeight = () => s.execute('return document.querySelector(".account-form").getBoundingClientRect().height;');
  const opened = await formHeight();
  await s.type('Tên đăng nhập', 'canbo1');
  await s.type('Họ và tên', 'Nguyễn Thị Bình');
  assert.equal(await formHeight(), opened, 'the form does not jump');
  const officer = await s.byName('Cán bộ tiếp dân');
  assert.equal(await s.cmd('GET', `/element/${officer}/property/checked`), true, 'a new account is an officer at first');
  await s.type('Mật khẩu', 'ngan');
  await s.click('Tạo tài khoản');
  await s.waitFor('the core’s refusal beside "Mật khẩu"', async () => /ít nhất 8 ký tự/.test(await describedBy('Mật khẩu')));
  await s.waitFor('the focus on the refused input', async () => (await s.execute('return document.activeElement?.id;')) === 'acc-password');
  assert.equal((await accountRows()).length, 1, 'nothing saved');

  await s.type('Mật khẩu', 'canbo-2026');
  await shot(s, 'admin-account-form');
  await sectionShot('acc-title', 'admin-accounts-form-1024');
  await s.click('Tạo tài khoản');
  await s.expectText('[data-testid="account-status"]', /Đã tạo tài khoản “canbo1” \(Cán bộ tiếp dân\)\./);
  await s.waitFor('the new account listed', async () => (await accountRows()).some((r) => r.login === 'canbo1'));
  const row = (await accountRows()).find((r) => r.login === 'canbo1');
  assert.deepEqual(row, { login: 'canbo1', name: 'Nguyễn Thị Bình', roles: 'Cán bộ tiếp dân', state: 'Đang hoạt động' });
  await s.waitFor('the focus on the saved account', async () =>
    (await s.execute('return document.activeElement?.getAttribute("aria-label");')) === 'Sửa tài khoản canbo1',
  );

  // Sửa: lock the account and reset its password (the box is optional when editing).
  await s.click('Sửa tài khoản canbo1');
  assert.equal(await s.valueOf('Tên đăng nhập'), 'canbo1');
  assert.equal(await s.valueOf('Đặt lại mật khẩu'), '', 'the password is never shown');
  assert.match(await describedBy('Đặt lại mật khẩu'), /Để trống nếu giữ mật khẩu cũ/);
  await s.click('Đang hoạt động');
  await s.type('Đặt lại mật khẩu', 'moi-canbo-2026');
  await s.click('Lưu tài khoản');
  await s.expectText(
    '[data-testid="account-status"]',
    /^Đã lưu tài khoản “canbo1”\. Mật khẩu đã được đặt lại\. Tài khoản đang bị khóa: không đăng nhập được\.$/,
  );
  await s.waitFor('canbo1 locked', async () => (await accountRows()).find((r) => r.login === 'canbo1')?.state === 'Đã khóa');
  // No role at all is refused beside the roles; the last administrator cannot lose the
  // role either: the core names the roles.
  const rolesSay = () => s.execute('return document.getElementById("acc-roles-err")?.textContent ?? "";');
  await s.click('Sửa tài khoản quantri');
  await s.click('Quản trị');
  await s.click('Lưu tài khoản');
  await s.waitFor('no role refused', async () => /ít nhất một vai trò/.test(await rolesSay()));
  await s.click('Cán bộ tiếp dân');
  await s.waitFor('the message gone once a role is ticked', async () => (await rolesSay()) === '');
  await s.click('Lưu tài khoản');
  await s.waitFor('the last administrator kept', async () => /quản trị cuối cùng/.test(await rolesSay()));
  await s.click('Hủy');
  assert.equal((await accountRows()).find((r) => r.login === 'quantri')?.roles, 'Quản trị', 'unchanged');

  // The same login again: the core names the login.
  await s.click('Thêm tài khoản');
  await s.type('Tên đăng nhập', 'canbo1');
  await s.type('Họ và tên', 'Người khác');
  await s.type('Mật khẩu', 'matkhau-khac');
  await s.click('Tạo tài khoản');
  await s.waitFor('the login refused', async () => /đã có tài khoản khác dùng/.test(await describedBy('Tên đăng nhập')));
  await s.keys('Tên đăng nhập', MOVE_KEY.escape);
  await s.waitFor('the form closed by Esc', async () => !(await s.execute('return !!document.querySelector(".account-form");')) || null);
  await s.waitFor('the focus back on "Thêm tài khoản"', async () => (await s.execute('return document.activeElement?.id;')) === 'acc-add');
  assert.deepEqual(await cutOff(s), [], 'nothing cut off at 1024×640');
  await sectionShot('acc-title', 'admin-accounts-1024');
});

/** The backup made by "Sao lưu ngay" (its path), for the restore. */
let backupPath;

test('Sao lưu: "Sao lưu ngay" makes a checked backup, listed; a folder must exist', async () => {
  // From the keyboard (Enter on the button).
  await s.keys('Sao lưu ngay', KEY.enter);
  const line = await s.expectText('[data-testid="backup-result"]', /Đã sao lưu và kiểm tra/, 60000);
  assert.match(
    line,
    new RegExp(`^Đã sao lưu và kiểm tra: ${demo.sessions} buổi tiếp, ${demo.visits} lượt tiếp, ${demo.petitions} đơn\\.`),
  );
  backupPath = /Tệp: (.+)$/.exec(line)?.[1];
  assert.ok(backupPath && existsSync(backupPath), `the backup file exists: ${backupPath}`);
  // The keyboard keeps its place: the button, disabled while it worked, has the focus again.
  await s.waitFor('the focus back on the button', async () =>
    s.execute(`return document.activeElement?.textContent.trim() === 'Sao lưu ngay';`),
  );
  assert.equal(join(backupPath, '..'), join(dataDir, 'sao-luu'), 'beside the register, in sao-luu');
  await s.waitFor('the backup listed', async () => (await backupRows()).some((b) => b.path === backupPath));
  const [newest] = await backupRows();
  assert.equal(newest.path, backupPath, 'newest first');
  assert.match(newest.when, /^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d$/);
  assert.match(newest.size, /^[\d.]+ KB$|^\d+,\d MB$/);

  // A drive that is not there (no USB drive: not even the folder above): refused beside
  // the folder, nothing made.
  const missing = join(dataDir, 'khong-co-o', 'sao-luu');
  await s.type('Thư mục (ví dụ ổ USB)', missing);
  await s.click('Sao lưu vào thư mục khác');
  await s.waitFor('the folder refused', async () => /không có/.test(await describedBy('Thư mục (ví dụ ổ USB)')));
  assert.equal(existsSync(join(dataDir, 'khong-co-o')), false);
  // One that is: the backup is made there.
  const usb = mkdtempSync(join(tmpdir(), 'tiepdan-e2e-usb-'));
  await s.type('Thư mục (ví dụ ổ USB)', usb);
  await s.click('Sao lưu vào thư mục khác');
  const usbLine = await s.expectText('[data-testid="backup-result"]', new RegExp(`Tệp: ${usb.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), 60000);
  assert.match(usbLine, /^Đã sao lưu và kiểm tra: /);
  assert.equal(readdirSync(usb).filter((f) => f.endsWith('.sqlite3')).length, 1, 'one backup in the chosen folder');
  assert.deepEqual(await cutOff(s), [], 'nothing cut off at 1024×640');
  await sectionShot('bk-title', 'admin-backups-1024');
});

test('Sao lưu: a restore, confirmed in the page, brings the register back as it was', async () => {
  assert.ok(backupPath, 'the backup of the previous test');
  // Changed after the backup: an account and the idle lock. The restore takes both back.
  await s.click('Thêm tài khoản');
  await s.type('Tên đăng nhập', 'tam');
  await s.type('Họ và tên', 'Tài khoản tạm');
  await s.type('Mật khẩu', 'tam-12345678');
  await s.click('Tạo tài khoản');
  await s.waitFor('"tam" listed', async () => (await accountRows()).some((r) => r.login === 'tam'));
  assert.equal(await s.valueOf('Tự khóa sau (phút)'), '15', 'the default idle lock');
  await s.type('Tự khóa sau (phút)', '999');
  await s.click('Lưu thời gian tự khóa');
  await s.waitFor('the range refused', async () => /tối đa 480 phút/.test(await describedBy('Tự khóa sau (phút)')));
  await s.type('Tự khóa sau (phút)', '30');
  await s.click('Lưu thời gian tự khóa');
  await s.waitFor('the idle lock saved', () =>
    s.execute(`return [...document.querySelectorAll('.accounts [role=status]')].some((e) => e.textContent.includes('Đã lưu thời gian tự khóa.'));`),
  );
  await s.expectText('.accounts .idle-now', /^Phần mềm tự khóa sau 30 phút không dùng/);

  const restoreName = async () => {
    const [b] = (await backupRows()).filter((x) => x.path === backupPath);
    return `Khôi phục từ bản sao lưu lúc ${b.when}`;
  };
  // Asked in the page; "Hủy" (the focus starts there) changes nothing.
  await s.click(await restoreName());
  const question = await s.expectText('.backups [role=alertdialog] .text', /Sổ hiện tại được giữ lại bên cạnh/);
  assert.match(question, /so\.sqlite3\.truoc-khoi-phuc-/);
  assert.match(question, /\? Bản sao lưu có [\d.]+ buổi tiếp, [\d.]+ lượt tiếp, [\d.]+ đơn[^;]*; sổ hiện tại có [\d.]+ buổi tiếp/, question);
  assert.equal(await s.execute('return document.activeElement?.textContent.trim();'), 'Hủy', 'the safe answer has the focus');
  await sectionShot('bk-title', 'admin-restore-confirm-1024');
  await s.click('Hủy');
  await s.waitFor('the question gone', async () => !(await s.execute('return !!document.querySelector(".backups [role=alertdialog]");')) || null);

  await s.click(await restoreName());
  await s.click('Khôi phục bản này');
  const said = await s.expectText('[data-testid="backup-result"]', /^Đã khôi phục từ bản sao lưu/, 60000);
  const m = /^Đã khôi phục từ bản sao lưu (.+); tệp sổ trước đó giữ tại (.+)\.$/.exec(said);
  assert.ok(m, said);
  assert.equal(m[1], backupPath);
  assert.ok(existsSync(m[2]), `the former register is kept: ${m[2]}`);
  assert.match(m[2], /so\.sqlite3\.truoc-khoi-phuc-/);
  await s.waitFor('the focus on the result', async () => (await s.execute('return document.activeElement?.id;')) === 'bk-result');

  // Every section reloaded from the restored register: "tam" and the 30 minutes are gone.
  await s.waitFor('the accounts of the backup', async () => {
    const logins = (await accountRows()).map((r) => r.login).sort();
    return JSON.stringify(logins) === JSON.stringify(['canbo1', 'quantri']);
  });
  await s.waitFor('the idle lock of the backup', async () => (await s.valueOf('Tự khóa sau (phút)')) === '15');
  await s.expectText('.accounts .idle-now', /^Phần mềm tự khóa sau 15 phút không dùng/);
  // Still signed in (the restored register has quantri): the list loads without an error.
  assert.equal(await s.execute('return document.querySelector(".backups [role=alert]")?.textContent ?? null;'), null);
  await sectionShot('bk-title', 'admin-restored-1024');
});

test('Nhật ký: the sign-in, the account, the backup and the restore; paging, filter, integrity', async () => {
  // One more backup, after the restore (the restored register predates the first one's row).
  await s.click('Sao lưu ngay');
  await s.expectText('[data-testid="backup-result"]', /^Đã sao lưu và kiểm tra/, 60000);

  const find = (rows, pred) => rows.find(pred) ?? null;
  let rows = [];
  await s.waitFor('the backup in the log', async () => {
    rows = await auditRows();
    return find(rows, (r) => r.action === 'Sao lưu, khôi phục' && r.note.startsWith('sao lưu vào'));
  });
  assert.equal(rows.length, 200, 'the newest 200');
  const seqs = rows.map((r) => r.seq);
  assert.deepEqual(rows.map((r) => r.shownSeq), seqs, 'each row shows its number (the one the check names)');
  assert.deepEqual(seqs, [...seqs].sort((a, b) => b - a), 'newest first');

  const backupRow = find(rows, (r) => r.note.startsWith('sao lưu vào'));
  assert.equal(backupRow.who, 'quantri');
  assert.equal(backupRow.what, 'Sao lưu');
  assert.match(backupRow.when, /^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
  const restoreRow = find(rows, (r) => r.action === 'Sao lưu, khôi phục' && r.note.startsWith('khôi phục từ'));
  assert.ok(restoreRow, 'the restore is logged');
  assert.equal(
    restoreRow.note,
    `khôi phục từ ${backupPath}; tài khoản khôi phục: quantri; tệp sổ trước đó giữ tại ${restoreRow.note.split('giữ tại ')[1]}`,
  );
  assert.equal(restoreRow.who, 'quantri');
  const created = find(rows, (r) => r.action === 'Tài khoản' && r.what === 'Tài khoản canbo1' && r.note === 'tạo tài khoản');
  assert.ok(created, 'the officer account’s creation is logged, named by its login');
  assert.equal(created.who, 'quantri');
  // Its later change is filed under Tài khoản too, saying what it did.
  const changed = find(rows, (r) => r.action === 'Tài khoản' && r.what === 'Tài khoản canbo1' && r.seq > created.seq);
  assert.equal(changed?.note, 'khóa tài khoản; đặt lại mật khẩu');
  const signIn = find(rows, (r) => r.action === 'Đăng nhập' && r.who === 'quantri');
  assert.ok(signIn, 'the sign-in is logged');
  assert.equal(signIn.what, 'Tài khoản quantri');
  assert.ok(
    backupRow.seq > restoreRow.seq && restoreRow.seq > created.seq && created.seq > signIn.seq,
    'in the order they happened',
  );
  assert.equal(find(rows, (r) => r.what === 'Tài khoản tam'), null, 'the account made after the backup is not in the restored log');
  assert.deepEqual(await cutOff(s), [], 'nothing cut off at 1024×640');
  await sectionShot('au-title', 'admin-audit-1024');

  // "Xem thêm": the 200 before, none twice.
  await s.click('Xem thêm');
  await s.waitFor('the next page', async () => (await auditRows()).length === 400);
  const more = await auditRows();
  assert.equal(new Set(more.map((r) => r.seq)).size, 400);
  assert.ok(more[200].seq < more[199].seq);
  await s.waitFor('the focus on the first new row', async () =>
    Number(await s.execute('return document.activeElement?.dataset.seq;')) === more[200].seq,
  );

  // The filter: only backups and restores.
  await s.choose('Loại việc', 'Sao lưu, khôi phục');
  await s.waitFor('the filtered log', async () => {
    const r = await auditRows();
    return r.length >= 2 && r.length < 200 && r.every((x) => x.action === 'Sao lưu, khôi phục');
  });
  await sectionShot('au-title', 'admin-audit-filtered-1024');
  await s.choose('Loại việc', 'Tất cả');
  await s.waitFor('the whole log again', async () => (await auditRows()).length === 200);

  await s.click('Kiểm tra tính toàn vẹn');
  const verdict = await s.expectText('[data-testid="audit-verdict"]', /nguyên vẹn/, 60000);
  assert.match(verdict, /^✓ Lịch sử thay đổi nguyên vẹn \(\d+ bản ghi\)\.$/);
  assert.equal(await s.execute('return document.querySelector("[data-testid=audit-verdict]").classList.contains("ok");'), true, 'green');
  await sectionShot('au-title', 'admin-audit-verified-1024');
});

/** The sqlite3 shell, to edit the log behind the app's back (not installed everywhere). */
const SQLITE3 = spawnSync('sqlite3', ['-version']).status === 0;

test('Nhật ký: a row edited outside the app turns the check red', { skip: !SQLITE3 && 'no sqlite3 shell here' }, async () => {
  execFileSync('sqlite3', [
    dbPath,
    "DROP TRIGGER changes_no_update; UPDATE changes SET note = 'sửa lén' WHERE seq = 5;",
  ]);
  await s.click('Kiểm tra tính toàn vẹn');
  const verdict = await s.expectText('[data-testid="audit-verdict"]', /không còn/, 60000);
  assert.match(verdict, /^✗ Lịch sử thay đổi không còn/);
  assert.equal(await s.execute('return document.querySelector("[data-testid=audit-verdict]").classList.contains("broken");'), true, 'red');
  await sectionShot('au-title', 'admin-audit-broken-1024');
});
