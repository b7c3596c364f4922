// End to end, the morning view: "today" is fixed at 02/03/2026 (TIEPDAN_TODAY, debug
// builds). A proposal received by post on 02/02/2026 and left unhandled is overdue; a
// complaint received on 20/02/2026 must be accepted or declined by 02/03/2026 (due soon);
// one received today is within its deadlines, waiting to be classified. The dashboard's
// "Cần xử lý" lists the overdue one first with "Quá hạn", then the one due soon, then the
// one waiting ("Chờ phân loại", counted in the heading), and opens the petition page; the
// list filters by urgency. Screenshots of the dashboard at 1280×800 and 1024×640, where
// each petitioner's name stays on one line.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session, startDriver } from './webdriver.mjs';
import { firstStart } from './access.mjs';
import { cutOff, resize, shot } from './layout-check.mjs';

const PORT = Number(process.env.E2E_PORT ?? 5010);
let driver;
let s;

before(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tiepdan-e2e-'));
  driver = await startDriver(PORT, {
    ...process.env,
    TIEPDAN_DB: join(dataDir, 'queue.sqlite3'),
    TIEPDAN_TODAY: '2026-03-02',
  });
  s = await Session.create(PORT, process.env.TIEPDAN_APP);
});

after(async () => {
  if (s) await shot(s, 'queue-last').catch(() => {});
  await s?.close().catch(() => {});
  driver?.kill();
});

async function statusSays(text) {
  return s.waitFor(`status "${text}"`, async () =>
    s.execute(
      `return [...document.querySelectorAll('[role=status]')].some((e) => e.textContent.includes(arguments[0]));`,
      text,
    ),
  );
}

async function addPetition({ date, kind, content, name }) {
  await s.type('Ngày nhận đơn', date);
  await s.choose('Nguồn đơn', 'Qua bưu chính');
  await s.choose('Loại đơn', kind);
  await s.type('Nội dung đơn', content);
  await s.type('Họ và tên', name);
  await s.click('Ghi đơn');
}

/** The dashboard queue as shown: number, and the text of the row. */
const queueRows = () =>
  s.execute(`return [...document.querySelectorAll('.queue tbody tr')].map((tr) => ({
    number: tr.dataset.petitionNumber,
    urgency: tr.querySelector('[data-urgency]')?.dataset.urgency ?? null,
    badge: tr.querySelector('.pill')?.textContent.trim() ?? null,
    colour: tr.querySelector('.pill') ? getComputedStyle(tr.querySelector('.pill')).backgroundColor : null,
    text: tr.textContent.replace(/\\s+/g, ' ').trim(),
  }));`);

test('the dashboard lists the overdue petition first, then the one due soon, then the one waiting to be classified', async () => {
  await firstStart(s, { unit: 'phường Việt Hòa' });
  assert.equal(await s.textOf('[data-testid="unit-name"]'), 'phường Việt Hòa');
  // An empty register has nothing to handle.
  assert.equal(await s.textOf('[data-testid="queue-empty"]'), 'Không có đơn nào cần xử lý');
  assert.equal(await s.textOf('[data-cell="queue.overdue"]'), '0');

  await s.click('Đơn thư');
  await s.click('Thêm đơn');
  await addPetition({
    date: '20/02/2026',
    kind: 'Khiếu nại',
    content: 'Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất cho hộ bên cạnh',
    name: 'Trần Văn Bình',
  });
  await statusSays('Đã ghi đơn số 1/2026');
  await addPetition({
    date: '02/02/2026',
    kind: 'Kiến nghị, phản ánh',
    content: 'Kiến nghị sửa chữa đèn chiếu sáng ngõ 12 tổ dân phố 3',
    name: 'Nguyễn Thị Hoa',
  });
  await statusSays('Đã ghi đơn số 2/2026');
  await addPetition({
    date: '02/03/2026',
    kind: 'Kiến nghị, phản ánh',
    content: 'Kiến nghị nạo vét cống thoát nước đường Trần Phú',
    name: 'Lê Văn Nam',
  });
  await statusSays('Đã ghi đơn số 3/2026');

  await s.click('Tổng quan');
  const rows = await s.waitFor('the queue', async () => {
    const r = await queueRows();
    return r.length >= 3 ? r : null;
  });
  assert.deepEqual(
    rows.map((r) => r.number),
    ['2/2026', '1/2026', '3/2026'],
    'overdue first, then due soon, then the one received today, waiting to be classified',
  );
  assert.equal(rows[0].badge, 'Quá hạn');
  assert.equal(rows[0].urgency, 'overdue');
  assert.equal(rows[0].colour, 'rgb(179, 38, 30)', 'the overdue badge is red');
  assert.match(rows[0].text, /Nguyễn Thị Hoa/);
  assert.match(rows[0].text, /Kiến nghị, phản ánh/);
  assert.match(rows[0].text, /Trả lời việc xử lý đơn/);
  assert.match(rows[0].text, /\d{2}\/02\/2026/, 'with its due date');
  assert.equal(rows[1].badge, 'Sắp đến hạn');
  assert.match(rows[1].colour, /^rgb\(255, 241, 194\)$/, 'the due-soon badge is amber');
  assert.match(rows[1].text, /Thụ lý hoặc không thụ lý khiếu nại/);
  assert.match(rows[1].text, /02\/03\/2026/);
  // Received today and not classified yet: nothing is due soon, but it is the officer's
  // next step.
  assert.equal(rows[2].badge, 'Chờ phân loại');
  assert.equal(rows[2].urgency, 'none');
  assert.match(rows[2].text, /Lê Văn Nam/);
  assert.match(rows[2].text, /Trả lời việc xử lý đơn/);
  assert.equal(await s.textOf('[data-cell="queue.overdue"]'), '1');
  assert.equal(await s.textOf('[data-cell="queue.due_soon"]'), '1');
  // None of the three is classified yet: all are counted as waiting in the heading.
  assert.equal(await s.textOf('[data-cell="queue.waiting"]'), '3');
  await s.expectText('#dash-queue', /Cần xử lý · 3 đơn: 1 quá hạn, 1 sắp đến hạn; trong đó 3 đơn chờ phân loại/);
  assert.equal(await s.execute(`return document.querySelector('[data-testid="queue-empty"]');`), null);

  for (const [w, h] of [
    [1280, 800],
    [1024, 640],
  ]) {
    await resize(s, w, h);
    await shot(s, `dashboard-${w}x${h}`);
    assert.deepEqual(await cutOff(s), [], `nothing cut off on the dashboard at ${w}×${h}`);
    // The petitioner's name is not broken word by word into a narrow column: the long
    // content gives way (at 1024 px it used to stack "Nguyễn / Thị / Hoa").
    const lines = await s.execute(`return [...document.querySelectorAll('.queue td.who')].map((td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
    });`);
    assert.equal(lines.length, 3);
    assert.deepEqual(lines, [1, 1, 1], `each name on one line at ${w}×${h}`);
  }
  await resize(s, 1280, 800);

  // A row opens the petition page, with the same badge and its overdue deadline.
  const row = await s.css('.queue tr[data-petition-number="2/2026"] td');
  await s.cmd('POST', `/element/${row}/click`, {});
  await s.waitFor('the petition page', async () => (await s.textOf('#pp-title')) === 'Đơn số 2/2026');
  assert.equal(await s.textOf('.petition-page .bar .pill'), 'Quá hạn');
  // The header names the deadline missed, not only that one was.
  assert.match(await s.textOf('.petition-page .bar [data-testid="urgency-step"]'), /^(?::\s*)?Trả lời việc xử lý đơn, hạn \d\d\/\d\d\/\d{4}$/);
  await shot(s, 'petition-overdue');
  const overdue = await s.textOf('.petition-page li.deadline.overdue');
  assert.match(overdue, /Trả lời việc xử lý đơn/);
  assert.match(overdue, /Quá hạn/);

  // The list filters by urgency and shows the badge.
  await s.click('← Danh sách đơn');
  await s.choose('Thời hạn', 'Quá hạn');
  await s.click('Lọc');
  const numbers = await s.waitFor('the filtered list', async () => {
    const n = await s.execute(
      `return [...document.querySelectorAll('tr[data-petition-number]')].filter((r) => r.offsetParent !== null).map((r) => r.dataset.petitionNumber);`,
    );
    return n.length === 1 ? n : null;
  });
  assert.deepEqual(numbers, ['2/2026']);
  assert.equal(await s.textOf('tr[data-petition-number="2/2026"] .pill'), 'Quá hạn');
  await s.choose('Thời hạn', 'Sắp đến hạn');
  await s.click('Lọc');
  await s.waitFor('the due-soon one', async () =>
    s.execute(
      `const r = [...document.querySelectorAll('tr[data-petition-number]')].filter((r) => r.offsetParent !== null);
       return r.length === 1 && r[0].dataset.petitionNumber === '1/2026';`,
    ),
  );
});
