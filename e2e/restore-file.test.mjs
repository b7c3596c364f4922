// End to end, Cài đặt → Sao lưu (issue 7): a restore from a backup file typed by its path,
// as on a new PC's first day with the office's copy on a USB drive. A register built with
// the CLI (the sample data and the administrator "quantri"); signed in, a backup is made
// into a "USB" folder from the page; an account added afterwards. A path that is not whole,
// or names no file, is refused beside the field; the copy's path pasted with the quotes
// Windows adds is asked about (naming the file), then restored: the account made after the
// backup is gone and the former register is kept aside.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session, startDriver } from './webdriver.mjs';
import { signIn } from './access.mjs';
import { cutOff, resize, shot } from './layout-check.mjs';

const PORT = Number(process.env.E2E_PORT ?? 5740);
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const CLI = process.env.TIEPDAN_CLI ?? join(process.env.TIEPDAN_APP ?? '', '..', 'tiepdan');
const FIELD = 'Khôi phục từ tệp sao lưu khác (ví dụ trên ổ USB)';

let driver;
let s;
let dataDir;
/** The backup made on the "USB drive" by the first test. */
let usbCopy;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tiepdan-e2e-restore-file-'));
  const dbPath = join(dataDir, 'so.sqlite3');
  execFileSync(CLI, ['--db', dbPath, 'demo'], { encoding: 'utf8' });
  execFileSync(CLI, ['--db', dbPath, 'user', 'add', 'quantri', '--name', 'Quản trị viên', '--role', 'admin'], {
    env: { ...process.env, TIEPDAN_NEW_PASSWORD: 'matkhau-123' },
  });
  driver = await startDriver(PORT, { ...process.env, TIEPDAN_DB: dbPath });
  s = await Session.create(PORT, process.env.TIEPDAN_APP);
  await resize(s, 1024, 640);
  await signIn(s, 'quantri', 'matkhau-123');
  await s.click('Cài đặt');
  await s.css('#bk-title');
});

after(async () => {
  if (s) await shot(s, 'restore-file-last').catch(() => {});
  await s?.close().catch(() => {});
  driver?.kill();
});

/** The message the control named `name` points to (aria-describedby). */
const describedBy = async (name) => {
  const id = await s.byName(name);
  return s.execute(
    `const ids = (arguments[0].getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
     return ids.map((id) => document.getElementById(id)?.textContent.trim() ?? '').join(' ');`,
    { [ELEMENT]: id },
  );
};

const logins = () =>
  s.execute(`return [...document.querySelectorAll('.accounts tbody tr[data-login]')].map((tr) => tr.dataset.login).sort();`);

test('a backup on a USB drive, typed by its path, is checked, asked about and restored', async () => {
  const usb = mkdtempSync(join(tmpdir(), 'tiepdan-e2e-usb-'));
  await s.type('Thư mục (ví dụ ổ USB)', usb);
  await s.click('Sao lưu vào thư mục khác');
  const line = await s.expectText('[data-testid="backup-result"]', /^Đã sao lưu và kiểm tra: /, 60000);
  const copy = /Tệp: (.+)$/.exec(line)?.[1];
  assert.ok(copy && copy.startsWith(usb) && existsSync(copy), `the copy on the "USB drive": ${copy}`);
  usbCopy = copy;

  // Changed after the backup: an account.
  await s.click('Thêm tài khoản');
  await s.type('Tên đăng nhập', 'tam');
  await s.type('Họ và tên', 'Tài khoản tạm');
  await s.type('Mật khẩu', 'tam-12345678');
  await s.click('Tạo tài khoản');
  await s.waitFor('"tam" listed', async () => (await logins()).includes('tam'));

  // Nothing typed; a path that is not whole; a file that is not there: refused beside the
  // field at once, before any question (the file is checked first).
  const asked = () => s.execute(`return document.querySelector('.backups [role=alertdialog]') !== null;`);
  await s.click('Khôi phục từ tệp này…');
  await s.waitFor('asked for a path', async () => /chưa nhập đường dẫn/.test(await describedBy(FIELD)));
  await s.type(FIELD, 'sao-luu.sqlite3');
  await s.click('Khôi phục từ tệp này…');
  await s.waitFor('a whole path asked for', async () => /đường dẫn đầy đủ/.test(await describedBy(FIELD)));
  assert.equal(await asked(), false, 'no question about a file that would be refused');
  assert.equal(await s.execute('return document.activeElement?.id;'), 'bk-file', 'the focus back on the field');
  await s.type(FIELD, join(usb, 'khong-co.sqlite3'));
  await s.click('Khôi phục từ tệp này…');
  await s.waitFor('no such file', async () => /Không có tệp/.test(await describedBy(FIELD)));
  assert.equal(await asked(), false);
  assert.ok((await logins()).includes('tam'), 'nothing restored');

  // The copy's path as Windows copies it, in quotes: asked about, naming the file.
  await s.type(FIELD, `"${copy}"`);
  await s.click('Khôi phục từ tệp này…');
  const question = await s.expectText('.backups [role=alertdialog] .text', /^Khôi phục sổ từ tệp /);
  assert.ok(question.startsWith(`Khôi phục sổ từ tệp ${copy}? Tệp đã được kiểm tra. Bản sao lưu có `), question);
  // What the copy holds beside the register: the same records (only an account changed).
  const held = /Bản sao lưu có ([\d.]+ buổi tiếp, [\d.]+ lượt tiếp, [\d.]+ đơn \(buổi tiếp gần nhất ngày \d\d\/\d\d\/\d{4}\)); sổ hiện tại có (.+?)\. Sổ hiện tại/.exec(question);
  assert.ok(held, question);
  assert.equal(held[2], held[1], 'the register holds the same records as its copy');
  assert.equal(await s.execute('return document.activeElement?.textContent.trim();'), 'Hủy', 'the safe answer has the focus');
  assert.deepEqual(await cutOff(s), [], 'nothing cut off at 1024×640');
  await shot(s, 'restore-file-confirm-1024');
  await s.click('Khôi phục từ tệp này');
  const said = await s.expectText('[data-testid="backup-result"]', /^Đã khôi phục từ bản sao lưu/, 60000);
  const m = /^Đã khôi phục từ bản sao lưu (.+); tệp sổ trước đó giữ tại (.+)\.$/.exec(said);
  assert.ok(m, said);
  assert.equal(m[1], copy);
  assert.ok(existsSync(m[2]), `the former register is kept: ${m[2]}`);
  await s.waitFor('the accounts of the backup', async () => JSON.stringify(await logins()) === JSON.stringify(['quantri']));
});

/** The sqlite3 shell, to edit a backup's history behind the app's back (scripts/install-deps.sh installs it). */
const SQLITE3 = spawnSync('sqlite3', ['-version']).status === 0;

test('a backup whose history was edited outside the app is warned of before anything is restored', { skip: !SQLITE3 && 'no sqlite3 shell here' }, async () => {
  assert.ok(usbCopy, 'the first test made a backup');
  const edited = join(mkdtempSync(join(tmpdir(), 'tiepdan-e2e-usb-')), 'sua-lich-su.sqlite3');
  copyFileSync(usbCopy, edited);
  execFileSync('sqlite3', [edited, "DROP TRIGGER changes_no_update; UPDATE changes SET note = 'sửa lén' WHERE seq = 3;"]);
  await s.type(FIELD, edited);
  await s.click('Khôi phục từ tệp này…');
  // The warning first, in bold on a line of its own, then the question as for any backup.
  const question = await s.expectText('.backups [role=alertdialog] .text', /^CẢNH BÁO: /);
  const warning = await s.execute(`return document.querySelector('.backups [role=alertdialog] .text strong')?.textContent;`);
  assert.ok(
    warning.startsWith('CẢNH BÁO: Lịch sử thay đổi không còn nguyên vẹn từ bản ghi số 3') &&
      warning.endsWith('có thể cũng đã bị sửa; chỉ khôi phục khi đây là bản sao lưu duy nhất còn dùng được.'),
    warning,
  );
  assert.ok(question.startsWith(`${warning} Khôi phục sổ từ tệp ${edited}? Tệp đã được kiểm tra. Bản sao lưu có `), question);
  assert.equal(await s.execute('return document.activeElement?.textContent.trim();'), 'Hủy', 'the safe answer has the focus');
  assert.deepEqual(await cutOff(s), [], 'nothing cut off at 1024×640');
  await shot(s, 'restore-file-history-warning-1024');
  await s.click('Hủy');
  await s.waitFor('the question gone', async () => !(await s.execute(`return document.querySelector('.backups [role=alertdialog]') !== null;`)));
  assert.deepEqual(await logins(), ['quantri'], 'nothing restored');

  // Asked again and confirmed, knowing: restored.
  await s.click('Khôi phục từ tệp này…');
  await s.expectText('.backups [role=alertdialog] .text', /^CẢNH BÁO: /);
  await s.click('Khôi phục từ tệp này');
  const said = await s.expectText('[data-testid="backup-result"]', /^Đã khôi phục từ bản sao lưu/, 60000);
  assert.ok(said.startsWith(`Đã khôi phục từ bản sao lưu ${edited}; tệp sổ trước đó giữ tại `), said);
  // The register now in place has that history: said over every screen, as the check of
  // the file after a restore finds it.
  const banner = await s.expectText('[data-testid="register-warning"]', /^CẢNH BÁO: Lịch sử thay đổi không còn nguyên vẹn/, 60000);
  assert.ok(banner.endsWith('Quản trị viên xem chi tiết ở Cài đặt › Nhật ký.'), banner);
});
