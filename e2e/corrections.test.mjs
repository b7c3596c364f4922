// End to end, corrections at the desk: a visit saved with a typo is corrected through
// "Sửa" (the citizen's name and the content), the row shows the new values and "Lịch sử"
// the old → new ones; a second record of the same citizen is suggested while typing,
// created anyway, then merged into the first from the person page and the merge undone;
// a session is corrected, and a second session the same day is asked about first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { MOVE_KEY, Session, startDriver } from './webdriver.mjs';
import { firstStart } from './access.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4480);
const outDir = new URL('./out/', import.meta.url).pathname;
let driver;
let s;

before(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tiepdan-e2e-'));
  driver = await startDriver(PORT, {
    ...process.env,
    TIEPDAN_DB: join(dataDir, 'corrections.sqlite3'),
    TIEPDAN_TODAY: '2026-06-30',
  });
  s = await Session.create(PORT, process.env.TIEPDAN_APP);
  mkdirSync(outDir, { recursive: true });
});

after(async () => {
  if (s) {
    try {
      writeFileSync(join(outDir, 'corrections-last.png'), await s.screenshot());
    } catch {
      /* the window may be gone */
    }
    await s.close().catch(() => {});
  }
  driver?.kill();
});

async function statusSays(text) {
  return s.waitFor(`status "${text}"`, async () =>
    s.execute(
      `return [...document.querySelectorAll('[role=status], [role=alert]')].some((e) => e.textContent.includes(arguments[0]));`,
      text,
    ),
  );
}

/** The text of a row of the visits table, by its number in the session. */
const rowText = (seq) =>
  s.execute(`const r = document.querySelector('tr[data-visit-seq="${seq}"]'); return r ? r.textContent.replace(/\\s+/g, ' ') : '';`);

/** The text of an element found by selector, white space collapsed ('' if absent). */
const textAt = (selector) =>
  s.execute(`const e = document.querySelector(arguments[0]); return e ? e.innerText.replace(/\\s+/g, ' ').trim() : '';`, selector);

/** Wait until the text at `selector` matches `pattern`. */
const expectAt = (selector, pattern) =>
  s.waitFor(`${selector} to match ${pattern}`, async () => pattern.test(await textAt(selector)));

async function saveVisit(name, number, content) {
  await s.type('Họ và tên', name);
  await s.type('Số giấy tờ', number);
  await s.type('Nội dung', content);
  await s.choose('Phân loại', 'Kiến nghị, phản ánh');
  await s.choose('Lĩnh vực', 'Thủ tục hành chính');
}

test('a saved visit is corrected through "Sửa" and its history shows old → new', async () => {
  await firstStart(s, { unit: 'phường Việt Hòa' });
  await s.click('Sổ tiếp dân');
  await s.type('Ngày tiếp', '30/06/2026');
  await s.click('Mở buổi tiếp');
  await statusSays('Đã mở buổi tiếp ngày 30/06/2026');

  await saveVisit('Nguyễn Văn Đúc', '001090001234', 'Hoi thu tuc dang ky thuong tru');
  // The body the citizen went to before (the Sổ's "Cơ quan đã giải quyết").
  await s.type('Cơ quan đã giải quyết', 'Công an phường Bến Thành');
  await s.click('Lưu lượt tiếp');
  await statusSays('Đã lưu lượt tiếp thứ 1');
  await s.waitFor('the saved row', async () => /Nguyễn Văn Đúc.*Hoi thu tuc dang ky thuong tru/.test(await rowText(1)));

  // "Sửa" fills the same form with the saved visit.
  await s.click('Sửa lượt 1');
  await s.waitFor('the form in correction', async () => (await textAt('#vf-title')) === 'Sửa lượt tiếp thứ 1');
  assert.equal(await s.valueOf('Họ và tên'), 'Nguyễn Văn Đúc');
  assert.equal(await s.valueOf('Nội dung'), 'Hoi thu tuc dang ky thuong tru');
  assert.equal(await s.valueOf('Cơ quan đã giải quyết'), 'Công an phường Bến Thành');
  await s.type('Họ và tên', 'Nguyễn Văn Đức');
  await s.type('Nội dung', 'Hỏi thủ tục đăng ký thường trú');
  await s.click('Lưu sửa đổi');
  await statusSays('Đã sửa lượt tiếp thứ 1');

  // The row shows the new values; the form is back to a new visit.
  await s.waitFor('the corrected row', async () => /Nguyễn Văn Đức.*Hỏi thủ tục đăng ký thường trú/.test(await rowText(1)));
  assert.equal(await textAt('#vf-title'), 'Thêm lượt tiếp');
  assert.equal(await s.valueOf('Họ và tên'), '');
  // Typing the next visit: "Đã sửa lượt tiếp thứ 1" no longer describes the form.
  await s.type('Họ và tên', 'Lê');
  await s.waitFor('the saved line cleared', async () => (await textAt('#visit-form [role=status]')) === '');
  await s.type('Họ và tên', '');

  // "Lịch sử" of the visit: the content, old → new.
  await s.click('Lịch sử lượt 1');
  const history = await s.waitFor('the visit history', async () => {
    const t = await textAt('[id^="visit-history-"]');
    return t.includes('Sửa') ? t : null;
  });
  assert.match(history, /Tạo mới/);
  assert.match(history, /Nội dung: Hoi thu tuc dang ky thuong tru → Hỏi thủ tục đăng ký thường trú/);
  await sleep(200);
  writeFileSync(join(outDir, 'visit-history.png'), await s.screenshot());
  await s.click('Lịch sử lượt 1');

  // Deleting asks first and says it is kept in the history (cancelled here).
  await s.click('Xóa lượt 1');
  await expectAt('tr[data-visit-seq="1"] .ops', /Xóa lượt 1\? Việc xóa được ghi vào lịch sử sửa đổi\./);
  await s.click('Hủy');
});

test('a likely person is suggested while typing; picking his case fills kind and field', async () => {
  // Typed without diacritics and without a number: the register's Nguyễn Văn Đức is
  // suggested, with the reason and his case.
  await s.type('Họ và tên', 'Nguyen Van Duc');
  const suggestion = await s.waitFor('a suggestion', async () => {
    const t = await textAt('.suggest');
    return t.includes('Nguyễn Văn Đức') ? t : null;
  });
  assert.match(suggestion, /Cùng họ tên/);
  // (The case opened by that visit, and about nothing else, follows its corrected content.)
  assert.match(suggestion, /Vụ việc cũ: Hỏi thủ tục đăng ký thường trú/);

  // Here the officer says it is somebody else: a second record is made (a mistake the
  // person page can repair by merging).
  await s.click('Không phải, người mới');
  await s.waitFor('the suggestion gone', async () => (await textAt('.suggest')) === '');
  await s.type('Nội dung', 'Phản ánh đèn đường hỏng');
  await s.choose('Phân loại', 'Kiến nghị, phản ánh');
  await s.choose('Lĩnh vực', 'Khác');
  await s.click('Lưu lượt tiếp');
  await statusSays('Đã lưu lượt tiếp thứ 2');

  // Visit 3: typing his name again suggests both records; "Chọn vụ việc này" takes
  // Mr Đức and his case, whose kind and field fill the form.
  await s.type('Họ và tên', 'Nguyễn Văn Đức');
  await s.waitFor('his case suggested', async () => (await textAt('.suggest')).includes('001090001234'));
  await s.execute(`
    const li = [...document.querySelectorAll('.suggest li')].find((l) => l.textContent.includes('001090001234'));
    [...li.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Chọn vụ việc này').click();`);
  await s.waitFor('the case linked', async () => (await textAt('.case-link')).includes('Vụ việc cũ: Hỏi thủ tục đăng ký thường trú'));
  await s.waitFor('kind and field from the case', async () => (await s.valueOf('Lĩnh vực')) === 'tthc');
  assert.equal(await s.valueOf('Phân loại'), 'proposal');
  assert.equal(await s.valueOf('Số giấy tờ'), '001090001234');
  await s.type('Nội dung', 'Hỏi lại kết quả đăng ký thường trú');
  await s.click('Lưu lượt tiếp');
  await statusSays('Đã lưu lượt tiếp thứ 3');
  await s.waitFor('the third row', async () =>
    /Nguyễn Văn Đức.*Kiến nghị, phản ánh.*Thủ tục hành chính/.test(await rowText(3)),
  );
});

test('two records of one citizen are merged from the person page, and the merge undone', async () => {
  // The name in the row opens the person page; the name correction is in its history.
  await s.execute(`document.querySelector('tr[data-visit-seq="1"] .person-link').click();`);
  await s.waitFor('the person page', async () => (await textAt('#pp-title')) === 'Hồ sơ công dân: Nguyễn Văn Đức');
  const personHistory = await textAt('#pp-history');
  assert.match(personHistory, /Họ và tên: Nguyễn Văn Đúc → Nguyễn Văn Đức/);
  assert.equal(await textAt('#pp-visits'), 'Lượt tiếp (2)');

  // His particulars are corrected on the page itself.
  await s.click('Sửa thông tin công dân');
  // (By id: the visit form behind the page has an "Địa chỉ" too.)
  const addr = await s.css('#pp-addr');
  await s.cmd('POST', `/element/${addr}/clear`, {});
  await s.cmd('POST', `/element/${addr}/value`, { text: 'Tổ 5, phường Việt Hòa' });
  await s.click('Lưu thông tin');
  await statusSays('Đã sửa thông tin công dân.');
  await s.waitFor('the new address', async () => (await textAt('[aria-labelledby="pp-part"]')).includes('Tổ 5, phường Việt Hòa'));
  await expectAt('#pp-history', /Địa chỉ: \(trống\) → Tổ 5, phường Việt Hòa/);

  await s.click('Gộp với hồ sơ khác…');
  await s.type('Tìm hồ sơ cần gộp vào hồ sơ này (tên hoặc số giấy tờ)', 'nguyen van duc');
  await s.click('Chọn hồ sơ Nguyen Van Duc');
  const compare = await s.waitFor('both records side by side', async () => {
    const t = await textAt('table.compare');
    return t.includes('Nguyen Van Duc') ? t : null;
  });
  assert.match(compare, /Họ và tên Nguyễn Văn Đức Nguyen Van Duc/);
  assert.match(compare, /Giấy tờ Căn cước \/ CCCD 001090001234 —/);
  await sleep(200);
  writeFileSync(join(outDir, 'merge-compare.png'), await s.screenshot());
  await s.click('Xác nhận gộp hồ sơ');
  await statusSays('Đã gộp hồ sơ Nguyen Van Duc vào hồ sơ này.');
  await s.waitFor('his three visits', async () => (await textAt('#pp-visits')) === 'Lượt tiếp (3)');
  await expectAt('[aria-labelledby="pp-merges"]', /Nguyen Van Duc.*Hủy gộp/);

  // Closed with Esc: visit 2 now names him.
  await s.keys('Đóng', MOVE_KEY.escape);
  await s.waitFor('the page closed', async () => (await textAt('#pp-title')) === '');
  await s.waitFor('visit 2 under the kept record', async () => /Nguyễn Văn Đức/.test(await rowText(2)));

  // Undo from the page, opened this time from the lookup's results ("Xem hồ sơ").
  await s.type('Tìm công dân (tên hoặc số căn cước)', '0010900');
  await s.waitFor('the lookup result', async () => (await textAt('#visit-lookup-list')).includes('Nguyễn Văn Đức'));
  await s.execute(`document.querySelector('#visit-lookup-list .open-person').dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));`);
  await s.waitFor('the person page again', async () => (await textAt('#pp-title')) === 'Hồ sơ công dân: Nguyễn Văn Đức');
  await s.click('Hủy gộp');
  await s.click('Xác nhận hủy gộp');
  await statusSays('Đã hủy gộp');
  await s.waitFor('two visits again', async () => (await textAt('#pp-visits')) === 'Lượt tiếp (2)');
  await expectAt('[aria-labelledby="pp-merges"]', /đã hủy gộp lúc/);

  // A visit of the page opens the register at that visit.
  await s.click('Lượt 3 ngày 30/06/2026');
  await s.waitFor('the page closed on the visit', async () => (await textAt('#pp-title')) === '');
  await s.waitFor('visit 3 focused', async () =>
    s.execute(`return document.activeElement?.getAttribute('data-visit-seq') === '3';`),
  );
  await s.waitFor('visit 2 back with its own record', async () => /Nguyen Van Duc/.test(await rowText(2)));
});

test('a session is corrected with history; a second one the same day is asked about', async () => {
  await s.click('Sửa buổi tiếp');
  await s.waitFor('the session form in correction', async () => (await textAt('#ns-title')) === 'Sửa buổi tiếp ngày 30/06/2026');
  await s.type('Địa điểm', 'Phòng tiếp công dân');
  await s.click('Lưu sửa buổi tiếp');
  await statusSays('Đã sửa buổi tiếp ngày 30/06/2026.');
  await s.waitFor('the place in the head', async () => (await textAt('.selected-head')).includes('Phòng tiếp công dân'));
  await s.click('Lịch sử buổi tiếp');
  const history = await s.waitFor('the session history', async () => {
    const t = await textAt('#session-history');
    return t.includes('Địa điểm') ? t : null;
  });
  assert.match(history, /Địa điểm: \(trống\) → Phòng tiếp công dân/);

  // The form is back to a new session: the same day and host ask first.
  assert.equal(await textAt('#ns-title'), 'Buổi tiếp mới');
  await s.type('Ngày tiếp', '30/06/2026');
  await s.click('Mở buổi tiếp');
  const question = await s.waitFor('the question', async () => {
    const t = await textAt('.new-session [role=alertdialog]');
    return t !== '' ? t : null;
  });
  assert.match(question, /đã có 1 buổi tiếp/);
  assert.match(question, /Vẫn mở thêm/);
  await s.click('Xem lại ngày');
  const count = await s.execute(`return document.querySelectorAll('.session-list li').length;`);
  assert.equal(count, 1);

  // The hosts offered follow the typed date: no delegated deputy from 01/7/2026.
  const hosts = () => s.execute(`return [...document.getElementById('ns-host').options].map((o) => o.textContent.trim());`);
  assert.ok((await hosts()).includes('Cấp phó được ủy quyền'));
  await s.type('Ngày tiếp', '01/07/2026');
  await s.waitFor('the deputy no longer offered', async () => !(await hosts()).includes('Cấp phó được ủy quyền'));
  await s.type('Ngày tiếp', '30/06/2026');
  await s.waitFor('the deputy offered again', async () => (await hosts()).includes('Cấp phó được ủy quyền'));
  // The head's sessions are scheduled or ad hoc: choosing the deputy while "Thường xuyên"
  // is chosen switches the kind to "Định kỳ", and "Thường xuyên" is no longer offered.
  const kinds = () => s.execute(`return [...document.getElementById('ns-kind').options].map((o) => o.textContent.trim());`);
  const kindShown = () => s.execute(`const k = document.getElementById('ns-kind'); return k.selectedOptions[0]?.textContent.trim() ?? '';`);
  assert.equal(await kindShown(), 'Thường xuyên');
  await s.choose('Người chủ trì', 'Cấp phó được ủy quyền');
  await s.waitFor('the kind switched to Định kỳ', async () => (await kindShown()) === 'Định kỳ');
  assert.deepEqual(await kinds(), ['Định kỳ', 'Đột xuất']);
  await s.choose('Loại buổi tiếp', 'Đột xuất');
  await s.choose('Người chủ trì', 'Công chức tiếp dân');
  await s.waitFor('all three kinds for the officers', async () => (await kinds()).length === 3);
  assert.equal(await kindShown(), 'Đột xuất', 'a kind the officers may hold is kept');
  await s.choose('Loại buổi tiếp', 'Thường xuyên');
  await s.choose('Người chủ trì', 'Cấp phó được ủy quyền');
  await s.waitFor('the kind switched again', async () => (await kindShown()) === 'Định kỳ');
  await s.click('Mở buổi tiếp');
  await statusSays('Đã mở buổi tiếp ngày 30/06/2026.');
  // (The list is read again after the status: waited for, not read at once.)
  await s.waitFor('two sessions listed', async () =>
    (await s.execute(`return document.querySelectorAll('.session-list li').length;`)) === 2,
  );
  await s.waitFor('the deputy’s session listed as Định kỳ', async () =>
    s.execute(`return [...document.querySelectorAll('.session-list li')].some((li) => li.textContent.includes('Định kỳ'));`),
  );
});
