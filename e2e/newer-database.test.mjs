// End to end: a register written by a newer version of the program is not opened (and
// not damaged); the window says why, in Vietnamese, instead of closing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Session, startDriver } from './webdriver.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4456);
let driver;
let s;
let db;

before(async () => {
  db = join(mkdtempSync(join(tmpdir(), 'tiepdan-e2e-')), 'newer.sqlite3');
  // A real register made by the CLI, then stamped with a future schema version
  // (SQLite keeps user_version at byte 60 of the file, big-endian).
  execFileSync(join(dirname(process.env.TIEPDAN_APP), 'tiepdan'), ['--db', db, 'init']);
  const fd = openSync(db, 'r+');
  writeSync(fd, Buffer.from([0, 0, 0, 99]), 0, 4, 60);
  closeSync(fd);
  driver = await startDriver(PORT, { ...process.env, TIEPDAN_DB: db });
  s = await Session.create(PORT, process.env.TIEPDAN_APP);
});

after(async () => {
  await s?.close().catch(() => {});
  driver?.kill();
});

test('a register from a newer version is refused with the reason on screen', async () => {
  const message = await s.waitFor('the refusal', async () =>
    s.execute(
      `const a = [...document.querySelectorAll('[role=alert]')].find((e) => e.textContent.trim());
       return a ? a.textContent : null;`,
    ),
  );
  assert.match(message, /phiên bản mới hơn/);
  assert.equal(readFileSync(db).readUInt32BE(60), 99, 'the file is left as it was');
});
