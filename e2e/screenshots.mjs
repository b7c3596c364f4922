// Screenshots of every screen of the real app on a database of sample data, for the
// README and for looking at the product as a user would. Not a test.
// Usage (under Xvfb): TIEPDAN_APP=… [E2E_PORT=…] node e2e/screenshots.mjs DB OUT_DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Session, startDriver } from './webdriver.mjs';

const [db, out] = process.argv.slice(2);
const port = Number(process.env.E2E_PORT ?? 4460);
mkdirSync(out, { recursive: true });
const driver = await startDriver(port, { ...process.env, TIEPDAN_DB: db });
const s = await Session.create(port, process.env.TIEPDAN_APP);
try {
  const shots = [
    ['Tổng quan', 'tong-quan'],
    ['Sổ tiếp dân', 'so-tiep-dan'],
    ['Đơn thư', 'don-thu'],
    ['Tổng hợp', 'tong-hop'],
  ];
  for (const [nav, file] of shots) {
    await s.click(nav);
    await sleep(1200);
    writeFileSync(join(out, `${file}.png`), await s.screenshot());
  }
  await s.click('Cài đặt');
  await sleep(1200);
  writeFileSync(join(out, 'cai-dat.png'), await s.screenshot());

  // The search box (Ctrl+K) over the register, then a case page opened from it.
  await s.click('Sổ tiếp dân');
  await sleep(800);
  await s.click('Tìm (Ctrl+K)');
  await s.type('Tìm trong sổ', 'de nghi');
  await sleep(1500);
  writeFileSync(join(out, 'tim-kiem.png'), await s.screenshot());
  const opened = await s.execute(
    `const o = document.querySelector('[role=option][data-kind=case]');
     o?.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
     return o !== null;`,
  );
  if (opened) {
    await sleep(1200);
    writeFileSync(join(out, 'vu-viec.png'), await s.screenshot());
  }
} finally {
  await s.close().catch(() => {});
  driver.kill();
}
