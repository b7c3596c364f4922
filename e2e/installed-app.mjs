// The installed package's app (not the build tree's): started through tauri-driver from
// the path the package put it at, it must show the first-start dialog of an empty
// register. Run by scripts/test-deb.sh under Xvfb; not part of `node --test e2e/`.
// Usage: node e2e/installed-app.mjs /usr/bin/tiepdan-desktop
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session, startDriver } from './webdriver.mjs';

const app = process.argv[2] ?? '/usr/bin/tiepdan-desktop';
const port = Number(process.env.E2E_PORT ?? 5920);
const dataDir = mkdtempSync(join(tmpdir(), 'tiepdan-deb-'));
const driver = await startDriver(port, { ...process.env, TIEPDAN_DB: join(dataDir, 'so.sqlite3') });
let s;
try {
  s = await Session.create(port, app);
  await s.byName('Bắt đầu sử dụng');
  const heading = await s.waitFor('the first-start dialog', () =>
    s.execute(`const d = document.querySelector('[role=dialog]');
      return d ? d.getAttribute('aria-label') + '\\n' + d.innerText : '';`),
  );
  assert.match(heading, /^Bắt đầu sử dụng\n/);
  const title = await s.cmd('GET', '/title');
  console.log(`ok: ${app} opened, window title "${title}", first screen:`);
  console.log(heading.split('\n').filter(Boolean).slice(0, 6).map((l) => `  | ${l}`).join('\n'));
  console.log('installed app: 1 passed, 0 failed');
} finally {
  await s?.close().catch(() => {});
  driver.kill();
  rmSync(dataDir, { recursive: true, force: true });
}
