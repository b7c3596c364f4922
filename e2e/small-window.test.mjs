// End to end, in the smallest window the app allows (1024×640): a typical visit is typed
// (a 12-digit căn cước number, a long name) and nothing is cut off inside its box (inputs
// and the chosen option of every select), and "Lưu lượt tiếp" is in view without
// scrolling. Tab then follows the officer's path from the name to Save.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { KEY, MOVE_KEY, Session, startDriver } from './webdriver.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4470);
const outDir = new URL('./out/', import.meta.url).pathname;
let driver;
let s;

before(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tiepdan-e2e-'));
  driver = await startDriver(PORT, { ...process.env, TIEPDAN_DB: join(dataDir, 'small.sqlite3') });
  s = await Session.create(PORT, process.env.TIEPDAN_APP);
  mkdirSync(outDir, { recursive: true });
});

after(async () => {
  await s?.close().catch(() => {});
  driver?.kill();
});

// Every visible text input, number input, textarea and select of the page: the text it
// shows, the width that text needs (canvas, in the control's own font) and the room the
// box gives it (the select's arrow aside), and its scroll/client widths.
const MEASURE = `
  const ctx = document.createElement('canvas').getContext('2d');
  const out = [];
  for (const el of document.querySelectorAll('main input[type=text], main input:not([type]), main input[type=number], main select, main textarea')) {
    if (el.getClientRects().length === 0) continue;
    const cs = getComputedStyle(el);
    ctx.font = cs.font;
    const pad = parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight);
    const text = el.tagName === 'SELECT' ? (el.selectedOptions[0]?.textContent ?? '') : el.value || el.placeholder || '';
    out.push({
      id: el.id,
      text,
      need: Math.ceil(ctx.measureText(text).width),
      room: Math.floor(el.clientWidth - pad - (el.tagName === 'SELECT' ? 20 : 0)),
      scroll: el.scrollWidth,
      client: el.clientWidth,
      select: el.tagName === 'SELECT',
    });
  }
  return out;
`;

test('at 1024×640 a typical visit fits: nothing cut off, Save in view', async () => {
  const rect = await s.setWindowRect(1024, 640);
  assert.equal(rect.width, 1024);
  assert.equal(rect.height, 640);
  await s.waitFor('the small viewport', async () => (await s.execute('return window.innerWidth')) <= 1024);

  await s.byName('Bắt đầu sử dụng');
  await s.click('Bắt đầu với sổ trống');
  await s.click('Sổ tiếp dân');
  await s.click('Mở buổi tiếp');
  await s.byName('Họ và tên');

  const name = 'Nguyễn Thị Phương Thảo Nguyên';
  await s.type('Họ và tên', name);
  await s.type('Số giấy tờ', '001190012345');
  await s.type('Địa chỉ', 'Số 12 ngõ 34 phố Hàng Bạc, tổ 5');
  await s.type('Số điện thoại', '0912345678');
  await s.type('Nội dung', 'Đề nghị hướng dẫn thủ tục đăng ký thường trú cho con');
  await s.choose('Phân loại', 'Kiến nghị, phản ánh');
  await s.choose('Lĩnh vực', 'Xây dựng, trật tự đô thị');
  await s.choose('Hướng xử lý', 'Hướng dẫn');
  await sleep(300);

  const boxes = await s.execute(MEASURE);
  const byId = (id) => boxes.find((b) => b.id === id);
  assert.equal(byId('visit-p0-name').text, name);
  assert.equal(byId('visit-p0-idno').text, '001190012345');
  for (const b of boxes) {
    assert.ok(b.scroll <= b.client, `${b.id} "${b.text}" scrolls inside its box (${b.scroll} > ${b.client})`);
    assert.ok(b.need <= b.room, `${b.id} "${b.text}" needs ${b.need}px, its box gives ${b.room}px`);
  }
  // The selects of the form are among those checked, with their longest usual choice.
  for (const id of ['ns-kind', 'ns-host', 'visit-p0-kind', 'visit-delegation', 'visit-kind', 'visit-field', 'visit-handling']) {
    assert.ok(byId(id), `${id} is measured`);
  }

  // Save is in view without scrolling the page.
  const save = await s.execute(`
    const b = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Lưu lượt tiếp');
    const r = b.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, vh: innerHeight, vw: innerWidth,
             scrolled: document.querySelector('main').scrollTop };`);
  assert.equal(save.scrolled, 0);
  // Under Xvfb the window has no title bar; a desktop's takes about 30–40 px of the 640.
  assert.ok(
    save.top >= 0 && save.bottom <= save.vh - 40,
    `"Lưu lượt tiếp" at ${save.top}–${save.bottom}, viewport ${save.vh} (less a title bar)`,
  );
  assert.ok(save.right <= save.vw, 'Save is inside the window horizontally');
  writeFileSync(join(outDir, 'small-window.png'), await s.screenshot());
});

test('Tab follows the officer: name → number → address → phone → content → kind → field → handling → save', async () => {
  // Real Tab key presses, sent to whatever has the focus.
  const name = await s.byName('Họ và tên');
  await s.cmd('POST', `/element/${name}/click`, {});
  const path = [];
  for (let i = 0; i < 12; i++) {
    const active = Object.values(await s.cmd('GET', '/element/active'))[0];
    await s.cmd('POST', `/element/${active}/value`, { text: MOVE_KEY.tab });
    const id = await s.execute('return document.activeElement.id;');
    path.push(id);
    if (id === 'visit-save') break;
  }
  // The guidance choice adds its agency and letter fields to the path after "Hướng xử lý".
  assert.deepEqual(path, [
    'visit-p0-idno',
    'visit-p0-addr',
    'visit-p0-phone',
    'visit-content',
    'visit-kind',
    'visit-field',
    'visit-handling',
    'visit-agency',
    'visit-letter',
    'visit-save',
  ]);
});

test('a citizen picked from the register: his particulars on record are read-only, not Tab stops', async () => {
  await s.click('Lưu lượt tiếp');
  await s.waitFor('saved', async () =>
    s.execute(`return [...document.querySelectorAll('[role=status]')].some((e) => e.textContent.includes('Đã lưu lượt tiếp thứ 1'));`),
  );
  // Found by his number; Enter on the highlighted person picks him.
  await s.type('Tìm công dân (tên hoặc số căn cước)', '0011900');
  await s.waitFor('him in the lookup', async () =>
    s.execute(`return [...document.querySelectorAll('[role=option]')].some((e) => e.textContent.includes('Nguyễn Thị Phương Thảo Nguyên'));`),
  );
  await s.keys('Tìm công dân (tên hoặc số căn cước)', KEY.down + KEY.enter);
  await s.waitFor('him in the row', async () => (await s.valueOf('Họ và tên')) === 'Nguyễn Thị Phương Thảo Nguyên');
  for (const id of ['visit-p0-name', 'visit-p0-idno', 'visit-p0-addr', 'visit-p0-phone']) {
    assert.equal(await s.execute(`return document.getElementById('${id}').readOnly;`), true, `${id} is read-only`);
  }

  const path = [];
  for (let i = 0; i < 4; i++) {
    const active = Object.values(await s.cmd('GET', '/element/active'))[0];
    await s.cmd('POST', `/element/${active}/value`, { text: MOVE_KEY.tab });
    path.push(await s.execute('return document.activeElement.id;'));
  }
  // From the lookup straight to the content: nothing of his to type.
  assert.deepEqual(path, ['visit-content', 'visit-kind', 'visit-field', 'visit-handling']);
});
