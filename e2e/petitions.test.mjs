// End to end: a petition received by post is added on the Đơn thư screen, gets the
// year's number and shows in the list. A half-typed petition survives a trip to another
// screen. A second one with the same content is recognised as a likely duplicate (and
// its petitioner as a person already in the register), filed as the first one's đơn
// trùng, corrected, then deleted. The first one is moved (returned) from its page, and
// the state filter follows it. A petition handed in at a visit is corrected from its page
// with its date and persons read-only ("sửa ở lượt tiếp"), and cannot be deleted there.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session, startDriver } from './webdriver.mjs';
import { firstStart } from './access.mjs';
import { shot } from './layout-check.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4462);
let driver;
let s;

before(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tiepdan-e2e-'));
  driver = await startDriver(PORT, {
    ...process.env,
    TIEPDAN_DB: join(dataDir, 'petitions.sqlite3'),
    TIEPDAN_TODAY: '2026-03-10',
  });
  s = await Session.create(PORT, process.env.TIEPDAN_APP);
});

after(async () => {
  if (s) await shot(s, 'petitions-last').catch(() => {});
  await s?.close().catch(() => {});
  driver?.kill();
});

const rowText = (number) =>
  s.execute(
    `const r = document.querySelector('tr[data-petition-number="' + arguments[0] + '"]');
     return r && r.offsetParent !== null ? r.textContent.replace(/\\s+/g, ' ') : null;`,
    number,
  );

async function statusSays(text) {
  return s.waitFor(`status "${text}"`, async () =>
    s.execute(
      `return [...document.querySelectorAll('[role=status]')].some((e) => e.textContent.includes(arguments[0]));`,
      text,
    ),
  );
}

async function openRow(number) {
  const el = await s.css(`tr[data-petition-number="${number}"] td`);
  await s.cmd('POST', `/element/${el}/click`, {});
  await s.waitFor(`petition ${number}`, async () => (await s.textOf('#pp-title')) === `Đơn số ${number}`);
}

const CONTENT = 'Khiếu nại quyết định thu hồi đất của hộ gia đình';

test('petitions by post: numbered, listed, duplicates recognised, corrected, deleted, moved', async () => {
  await firstStart(s, { unit: 'phường Việt Hòa' });
  await s.click('Đơn thư');
  await s.click('Thêm đơn');
  await s.choose('Nguồn đơn', 'Qua bưu chính');
  await s.choose('Loại đơn', 'Khiếu nại');
  await s.choose('Lĩnh vực', 'Đất đai');
  await s.type('Nội dung đơn', CONTENT);
  await s.type('Họ và tên', 'Phạm Thị Lan');

  // A mistyped ID number is refused first; the officer deletes it.
  await s.type('Số giấy tờ', '12345');
  await s.click('Ghi đơn');
  await s.waitFor('the refusal', async () =>
    s.execute(`return [...document.querySelectorAll('[role=alert]')].some((e) => e.textContent.includes('12 chữ số'));`),
  );
  await s.type('Số giấy tờ', '');
  await s.click('Ghi đơn');
  await statusSays('Đã ghi đơn số 1/2026');

  await s.click('Quay lại danh sách đơn');
  const row = await s.waitFor('the row', () => rowText('1/2026'));
  assert.match(row, /Qua bưu chính/);
  assert.match(row, /Khiếu nại/);
  assert.match(row, /Đất đai/);
  assert.match(row, /Phạm Thị Lan/);
  assert.match(row, /Đã tiếp nhận/);
  assert.match(row, /20\/03\/2026 Thụ lý hoặc không thụ lý khiếu nại/, 'the next deadline');

  // A half-typed petition is kept while the officer looks elsewhere.
  await s.click('Thêm đơn');
  await s.type('Nội dung đơn', CONTENT);
  await s.click('Tổng quan');
  await s.click('Đơn thư');
  assert.equal(await s.valueOf('Nội dung đơn'), CONTENT);
  await s.click('Quay lại danh sách đơn');
  await s.click('Tiếp tục đơn đang nhập');
  assert.equal(await s.valueOf('Nội dung đơn'), CONTENT);

  // The same content again: the first petition is offered as the original.
  const suggested = await s.waitFor('the duplicate suggestion', async () =>
    s.execute(
      `const li = document.querySelector('[data-suggested-petition="1/2026"]');
       return li ? li.textContent.replace(/\\s+/g, ' ') : null;`,
    ),
  );
  assert.match(suggested, /Đơn số 1\/2026/);
  assert.match(suggested, /Đã tiếp nhận/);
  assert.match(suggested, /Nội dung gần giống|tương tự/);
  await s.click('Đơn trùng với đơn số 1/2026');
  await s.expectText('[data-testid="duplicate-of"]', /Đơn trùng với đơn số 1\/2026 \(Đã tiếp nhận\)/);
  // It can be removed before saving, and chosen again.
  await s.click('Bỏ đánh dấu đơn trùng');
  await s.waitFor('no duplicate', async () =>
    s.execute(`return document.querySelector('[data-testid="duplicate-of"]') === null;`),
  );
  await s.click('Đơn trùng với đơn số 1/2026');
  await s.css('[data-testid="duplicate-of"]');

  // The petitioner typed again is found in the register and picked.
  await s.choose('Loại đơn', 'Khiếu nại');
  await s.type('Họ và tên', 'Phạm Thị Lan');
  const person = await s.waitFor('the person suggestion', async () =>
    s.execute(
      `const li = document.querySelector('[data-suggested-person="Phạm Thị Lan"]');
       return li ? li.textContent.replace(/\\s+/g, ' ') : null;`,
    ),
  );
  assert.match(person, /Cùng họ tên/);
  await shot(s, 'petition-form-suggestions');
  await s.click('Chọn người này');
  await s.waitFor('the person picked', async () =>
    s.execute(`const i = document.getElementById('np-p0-name'); return i.readOnly && i.value === 'Phạm Thị Lan';`),
  );
  await s.click('Ghi đơn');
  await statusSays('Đã ghi đơn số 2/2026');
  assert.equal(await s.valueOf('Nội dung đơn'), '', 'the form is ready for the next petition');
  await s.click('Quay lại danh sách đơn');
  assert.equal(await s.textOf('#pet-add'), 'Thêm đơn', 'nothing half-typed is left');

  // The duplicate is filed as such.
  assert.match(await s.waitFor('row 2', () => rowText('2/2026')), /Lưu đơn/);
  await openRow('2/2026');
  const moves = await s.textOf('.petition-page .timeline');
  assert.match(moves, /Đơn trùng/);
  assert.match(moves, /Trùng với đơn số 1\/2026/);

  // Corrected: the respondent was forgotten.
  await s.click('Sửa đơn');
  assert.equal(await s.valueOf('Nội dung đơn'), CONTENT);
  // A receipt date before its original's is refused, said once, under the date, readably.
  await s.type('Ngày nhận đơn', '09/03/2026');
  await s.click('Lưu thay đổi');
  const refusal = 'là đơn gốc của đơn số 2/2026';
  const said = await s.waitFor('the date refused', async () => {
    const shown = await s.execute(
      `return [...document.querySelectorAll('[role=alert]')].filter((e) => e.textContent.includes(arguments[0]))
         .map((e) => ({ cls: e.className, lines: Math.round(e.getBoundingClientRect().height / (parseFloat(getComputedStyle(e).lineHeight) || 1.4 * parseFloat(getComputedStyle(e).fontSize))) }));`,
      refusal,
    );
    return shown.length ? shown : null;
  });
  await shot(s, 'petition-edit-refused');
  assert.equal(said.length, 1, `the message is shown once: ${JSON.stringify(said)}`);
  assert.match(said[0].cls, /field-error/, 'under the date');
  assert.ok(said[0].lines <= 4, `a readable message, not squeezed: ${said[0].lines} lines`);
  await s.type('Ngày nhận đơn', '10/03/2026');
  await s.type('Người bị khiếu nại, tố cáo', 'UBND phường');
  await shot(s, 'petition-edit');
  // Esc with unsaved changes asks before dropping them.
  await s.keys('Người bị khiếu nại, tố cáo', '\uE00C');
  await s.expectText('#ep-discard-q', /Bỏ các thay đổi chưa lưu của đơn số 2\/2026\?/);
  await s.click('Tiếp tục sửa');
  await s.click('Lưu thay đổi');
  await statusSays('Đã lưu thay đổi của đơn số 2/2026');
  await s.waitFor('the respondent shown', async () => /UBND phường/.test(await s.textOf('.petition-page .info')));
  const summary = await s.css('.petition-page details.history summary');
  await s.cmd('POST', `/element/${summary}/click`, {});
  const changed = await s.textOf('.petition-page .history [data-field="respondent"]');
  assert.match(changed, /Người bị khiếu nại, tố cáo\s*—\s*→\s*UBND phường/);

  // Deleted, after a question in the page.
  await s.click('Xóa đơn');
  await s.expectText('#pp-confirm-q', /Xóa đơn số 2\/2026\?/);
  await s.click('Xóa đơn này');
  await statusSays('Đã xóa đơn số 2/2026');
  await s.waitFor('row 2 gone', async () => (await rowText('2/2026')) === null);

  // The first one is moved from its page (opened from the keyboard): returned to the citizen.
  const first = await s.css('tr[data-petition-number="1/2026"]');
  await s.execute('arguments[0].focus();', { 'element-6066-11e4-a52e-4f735466cecf': first });
  await s.cmd('POST', '/actions', {
    actions: [{ type: 'key', id: 'kb', actions: [{ type: 'keyDown', value: '\uE007' }, { type: 'keyUp', value: '\uE007' }] }],
  });
  await s.waitFor('petition 1/2026', async () => (await s.textOf('#pp-title')) === 'Đơn số 1/2026');
  await s.click('Trả lại đơn');
  await s.type('Số văn bản trả lại đơn', '05/TB');
  await s.click('Ghi bước');
  await statusSays('Đã ghi bước “Trả lại đơn”');
  assert.equal(await s.textOf('[data-testid="petition-state"]'), 'Đã trả lại đơn');
  await s.click('← Danh sách đơn');
  await s.waitFor('returned', async () => /Đã trả lại đơn/.test((await rowText('1/2026')) ?? ''));

  // The filter by state hides it from the open ones, and finds it among the finished ones.
  await s.choose('Trạng thái', 'Đang xử lý');
  await s.click('Lọc');
  await s.waitFor('filtered out', async () => (await rowText('1/2026')) === null);
  await s.choose('Trạng thái', 'Đã xong');
  await s.click('Lọc');
  await s.waitFor('filtered in', () => rowText('1/2026'));

  // A petition handed in at a visit.
  await s.click('Sổ tiếp dân');
  await s.choose('Người chủ trì', 'Công chức tiếp dân');
  await s.type('Họ tên người chủ trì', 'Lê Thị Thu');
  await s.click('Mở buổi tiếp');
  await s.type('Họ và tên', 'Trần Thị Hoa');
  await s.type('Nội dung', 'Phản ánh rác thải tồn đọng tại đầu ngõ 12');
  await s.choose('Phân loại', 'Kiến nghị, phản ánh');
  await s.choose('Lĩnh vực', 'Đất đai');
  await s.click('Có đơn kèm theo');
  await s.choose('Loại đơn', 'Kiến nghị, phản ánh');
  await s.click('Lưu lượt tiếp');
  await statusSays('Đã lưu lượt tiếp thứ 1');

  await s.click('Đơn thư');
  await s.choose('Trạng thái', 'Tất cả');
  await s.click('Lọc');
  const visitRow = await s.waitFor('the visit’s petition in the list', async () =>
    s.execute(
      `const r = [...document.querySelectorAll('tr[data-petition-number]')].find((r) => r.textContent.includes('Qua tiếp công dân'));
       return r ? r.dataset.petitionNumber : null;`,
    ),
  );
  await openRow(visitRow);
  assert.ok(
    await s.execute(`return ![...document.querySelectorAll('.petition-page button')].some((b) => b.textContent.trim() === 'Xóa đơn');`),
    'no "Xóa đơn" for a petition handed in at a visit',
  );
  await s.click('Sửa đơn');
  assert.equal(await s.execute(`return document.getElementById('ep-date').readOnly;`), true);
  await s.expectText('#ep-date-hint', /sửa ở lượt tiếp/);
  await s.expectText('[data-testid="visit-persons"]', /Trần Thị Hoa.*sửa người đứng đơn ở lượt tiếp/);
  await s.type('Nội dung đơn', 'Phản ánh rác thải tồn đọng lâu ngày tại đầu ngõ 12');
  await s.click('Lưu thay đổi');
  await statusSays(`Đã lưu thay đổi của đơn số ${visitRow}`);
  await s.expectText('[data-cell="content"]', /tồn đọng lâu ngày/);
  // "← Danh sách đơn" during a correction asks first; dropping it goes on to the list
  // (it stayed on the petition, found by a newcomer).
  await s.click('Sửa đơn');
  await s.type('Nội dung đơn', 'Phản ánh rác thải chưa được thu gom');
  await s.execute(`document.querySelector('#pp-back').click();`);
  await s.click('Bỏ thay đổi');
  await s.waitFor('the list again', async () =>
    s.execute(`return !document.querySelector('#pp-title') && !!document.querySelector('tr[data-petition-number]');`),
  );
});
