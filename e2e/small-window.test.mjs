// End to end, in the smallest window the app allows (1024×640): a typical visit is typed
// (a 12-digit căn cước number, a long name) and nothing is cut off inside its box (inputs
// and the chosen option of every select), and "Lưu lượt tiếp" is in view without
// scrolling. Tab then follows the officer's path from the name to Save, through "Số
// người" and "Có đơn kèm theo" (and, for a petition of several kinds of content, its
// three content boxes right after its kind, which fit at 1024×640). The visit table gives
// its content the room, at 1024×640 and 1280×800.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { KEY, MOVE_KEY, Session, startDriver } from './webdriver.mjs';
import { firstStart } from './access.mjs';
import { cutOff, resize, shot } from './layout-check.mjs';

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

  await firstStart(s, { unit: 'phường Việt Hòa' });
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
  for (const id of ['ns-kind', 'ns-host', 'visit-p0-kind', 'visit-kind', 'visit-field', 'visit-handling']) {
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

test('Tab follows the officer: name → number → address → phone → headcount → content → kind → field → handling → petition → save', async () => {
  // Real Tab key presses, sent to whatever has the focus.
  const name = await s.byName('Họ và tên');
  await s.cmd('POST', `/element/${name}/click`, {});
  const press = async (key) => {
    const active = Object.values(await s.cmd('GET', '/element/active'))[0];
    await s.cmd('POST', `/element/${active}/value`, { text: key });
    return s.execute('return document.activeElement.id;');
  };
  const path = [];
  for (let i = 0; i < 16; i++) {
    const id = await press(MOVE_KEY.tab);
    path.push(id);
    if (id === 'visit-save') break;
  }
  // "Số người" and "Có đơn kèm theo" come before Save (most visits of a real ward came
  // with a petition); the guidance choice adds its agency and letter fields after
  // "Hướng xử lý". Loại giấy tờ, Bỏ người này, Thêm người come after Save.
  assert.deepEqual(path, [
    'visit-p0-idno',
    'visit-p0-addr',
    'visit-p0-phone',
    'visit-headcount',
    'visit-content',
    'visit-kind',
    'visit-field',
    'visit-handling',
    'visit-agency',
    'visit-letter',
    'visit-has-petition',
    'visit-save',
  ]);
  assert.equal(await press(MOVE_KEY.tab), 'visit-p0-kind', 'the rarer controls follow Save');

  // Ticked from the keyboard, the petition's fields join the path before Save.
  const box = await s.byName('Có đơn kèm theo');
  await s.execute('arguments[0].focus();', { 'element-6066-11e4-a52e-4f735466cecf': box });
  assert.equal(await press(' '), 'visit-pet-kind', 'ticking it goes to the petition’s kind');
  const petitionPath = [];
  for (let i = 0; i < 4; i++) {
    const id = await press(MOVE_KEY.tab);
    petitionPath.push(id);
    if (id === 'visit-save') break;
  }
  assert.deepEqual(petitionPath, ['visit-pet-respondent', 'visit-pet-content', 'visit-save']);
  // Back: Save, the petition's content… up to the box.
  assert.equal(await press(MOVE_KEY.shift + MOVE_KEY.tab), 'visit-pet-content');

  // "Nhiều nội dung": the three content boxes come right after the kind, ticked from the
  // keyboard, and fit in the small window.
  await s.choose('Loại đơn', 'Nhiều nội dung');
  await s.css('#visit-pet-contents');
  const kind = await s.byName('Loại đơn');
  await s.execute('arguments[0].focus();', { 'element-6066-11e4-a52e-4f735466cecf': kind });
  assert.equal(await press(MOVE_KEY.tab), 'visit-pet-contents-complaint', 'the boxes follow the kind');
  await press(' ');
  assert.equal(await press(MOVE_KEY.tab), 'visit-pet-contents-denunciation');
  assert.equal(await press(MOVE_KEY.tab), 'visit-pet-contents-proposal');
  await press(' ');
  assert.equal(await press(MOVE_KEY.tab), 'visit-pet-respondent', 'then the respondent');
  assert.deepEqual(
    await s.execute(`return [...document.querySelectorAll('#visit-pet-contents input')].map((i) => i.checked);`),
    [true, false, true],
  );
  await s.execute(`document.getElementById('visit-pet-contents').scrollIntoView({ block: 'center' });`);
  await sleep(300);
  const legend = await s.textOf('#visit-pet-contents legend');
  assert.equal(legend, 'Đơn có các nội dung:');
  assert.deepEqual(await cutOff(s), [], 'nothing cut off with the content boxes shown at 1024×640');
  // Each box's label on one line, inside the form.
  const labels = await s.execute(`
    const form = document.getElementById('visit-form').getBoundingClientRect();
    return [...document.querySelectorAll('#visit-pet-contents label')].map((l) => {
      const r = l.getBoundingClientRect();
      return { text: l.textContent.trim(), lines: Math.round(r.height / parseFloat(getComputedStyle(l).lineHeight)), inside: r.left >= form.left && r.right <= form.right };
    });`);
  assert.deepEqual(labels.map((l) => l.text), ['Khiếu nại', 'Tố cáo', 'Kiến nghị, phản ánh']);
  for (const l of labels) {
    assert.ok(l.lines <= 1 && l.inside, `"${l.text}" on one line inside the form (${JSON.stringify(l)})`);
  }
  await shot(s, 'visit-form-mixed-1024x640');
  await s.click('Có đơn kèm theo');
  await s.waitFor('the petition’s fields gone', async () => s.execute(`return document.getElementById('visit-pet-kind') === null;`));
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
  // From the lookup past his particulars (nothing of his to type) to the headcount and the content.
  assert.deepEqual(path, ['visit-headcount', 'visit-content', 'visit-kind', 'visit-field']);
});

test('the visit table gives Nội dung the room at 1024×640 and 1280×800', async () => {
  // The citizen picked above comes back about his registration.
  await s.type('Nội dung', 'Hỏi lại kết quả đăng ký thường trú cho con');
  await s.choose('Phân loại', 'Kiến nghị, phản ánh');
  await s.choose('Lĩnh vực', 'Xây dựng, trật tự đô thị');
  await s.click('Lưu lượt tiếp');
  await s.waitFor('visit 2 saved', async () =>
    s.execute(`return [...document.querySelectorAll('[role=status]')].some((e) => e.textContent.includes('Đã lưu lượt tiếp thứ 2'));`),
  );
  const visits = [
    ['Trần Thị Mai', '6', 'Đoàn 6 hộ dân khu phố 7 phản ánh tiếng ồn và bụi từ xưởng gỗ hoạt động ban đêm, đề nghị kiểm tra'],
    ['Lê Văn Tám', '1', 'Khiếu nại quyết định thu hồi đất số 45/QĐ-UBND của UBND phường, cho rằng diện tích thu hồi không đúng'],
  ];
  for (const [i, [who, count, content]] of visits.entries()) {
    await s.type('Họ và tên', who);
    await s.type('Số người', count);
    await s.type('Nội dung', content);
    await s.choose('Phân loại', 'Kiến nghị, phản ánh');
    await s.choose('Lĩnh vực', 'Vệ sinh môi trường');
    await s.choose('Hướng xử lý', 'Hướng dẫn');
    await s.click('Lưu lượt tiếp');
    await s.waitFor(`visit ${i + 3} saved`, async () =>
      s.execute(
        `return [...document.querySelectorAll('[role=status]')].some((e) => e.textContent.includes(arguments[0]));`,
        `Đã lưu lượt tiếp thứ ${i + 3}`,
      ),
    );
  }
  await s.waitFor('four rows', async () => s.execute(`return document.querySelectorAll('.visits-table tbody tr[data-visit-seq]').length === 4;`));

  const columns = () =>
    s.execute(`
      const t = document.querySelector('.visits-table');
      const w = (sel) => Math.round(t.querySelector(sel).getBoundingClientRect().width);
      return { table: Math.round(t.getBoundingClientRect().width), content: w('th.content-col'), count: w('th.count-col'),
               ops: Math.max(...[...t.querySelectorAll('td.ops')].map((td) => td.getBoundingClientRect().width)),
               headers: [...t.querySelectorAll('thead th')].map((th) => th.textContent.trim()) };`);
  for (const [w, h] of [
    [1024, 640],
    [1280, 800],
  ]) {
    await resize(s, w, h);
    await s.execute(`document.querySelector('.visits').scrollIntoView();`);
    await sleep(200);
    await shot(s, `visit-table-${w}x${h}`);
    const c = await columns();
    assert.deepEqual(c.headers, ['Lượt', 'Công dân', 'Số người', 'Nội dung', 'Phân loại', 'Hướng xử lý, đơn', 'Thao tác']);
    assert.ok(c.content >= 0.3 * c.table, `Nội dung has ${c.content}px of ${c.table}px at ${w}×${h}`);
    assert.ok(c.count <= 60, `Số người is narrow (${c.count}px) at ${w}×${h}`);
    if (w === 1024) assert.ok(c.ops <= 80, `the operations are compact (${c.ops}px) at ${w}×${h}`);
    assert.deepEqual(await cutOff(s), [], `nothing cut off in the register at ${w}×${h}`);
  }
  // The delegation's badge sits under the name, not in the narrow count column.
  await s.expectText('tr[data-visit-seq="3"] .persons-cell', /Trần Thị Mai\s*Đoàn đông người/);
  assert.equal(await s.textOf('tr[data-visit-seq="3"] .count-cell'), '6');
});
