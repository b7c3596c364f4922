// The launch measurement (e2e/launch.mjs) run once on the sample register, so the script
// behind the figures in docs/hieu-nang.md cannot rot unseen: the app starts on a copy of
// the register, reaches its first screen, creates the first account, shows Tổng quan with
// its figures, and its resident memory is read from /proc.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, measureLaunch } from './launch.mjs';

const PORT = Number(process.env.E2E_PORT ?? 5780);
const CLI = process.env.TIEPDAN_CLI ?? join(dirname(process.env.TIEPDAN_APP ?? ''), 'tiepdan');

test('the launch is measured on a register that holds records', async (t) => {
  const db = join(mkdtempSync(join(tmpdir(), 'tiepdan-e2e-launch-')), 'mau.sqlite3');
  const env = { ...process.env };
  delete env.TIEPDAN_USER;
  execFileSync(CLI, ['--db', db, 'demo'], { env, encoding: 'utf8' });
  const m = await measureLaunch({ app: process.env.TIEPDAN_APP, db, port: PORT, runs: 1 });
  for (const line of describe(m)) t.diagnostic(line);
  assert.equal(m.runs[0].screen, 'first-start');
  assert.ok(m.toFirstScreen > 0 && m.toDashboard > 0, JSON.stringify(m));
  // The app and the WebKit processes it started were found and read.
  assert.ok(m.app > 5 && m.webkit > 5, JSON.stringify(m));
});
