// Launch to an interactive window, and the memory the open register holds, measured in the
// real window under Xvfb (issue 9): the time from starting the app to its first screen
// (the first-start dialog or the sign-in screen: the register is open and the core has
// answered), then from the first start's account to Tổng quan with this week's figures,
// and the resident memory of the app and of its WebKit processes once Tổng quan is shown.
//
//   node e2e/launch.mjs --db so.sqlite3 [--runs 3] [--port 5780]
//
// TIEPDAN_APP names the built app (a release build for figures that mean something).
// The register is copied first (the first start adds an account): the file given is not
// changed. A register that already has accounts is measured to its sign-in screen only.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Session, startDriver } from './webdriver.mjs';
import { firstStart } from './access.mjs';

/** The processes under `root` (its descendants and itself), from /proc. */
function tree(root) {
  const parent = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces and parentheses.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(rest[1]));
    } catch {
      /* gone meanwhile */
    }
  }
  const found = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parent) {
      if (!found.has(pid) && found.has(ppid)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  return [...found];
}

/** Resident memory in MB of the app and of the WebKit processes it started. */
export function residentMemory(driverPid) {
  let app = 0;
  let webkit = 0;
  for (const pid of tree(driverPid)) {
    let status;
    try {
      status = readFileSync(`/proc/${pid}/status`, 'utf8');
    } catch {
      continue;
    }
    const name = /^Name:\s*(.*)$/m.exec(status)?.[1] ?? '';
    const kb = Number(/^VmRSS:\s*(\d+) kB$/m.exec(status)?.[1] ?? 0);
    if (name.startsWith('tiepdan-deskto')) app += kb;
    else if (/^WebKit(Web|Network)Pro/.test(name)) webkit += kb;
  }
  return { app: Math.round(app / 1024), webkit: Math.round(webkit / 1024) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/**
 * Start the app on a copy of `db` `runs` times; each run's figures in ms and MB, and
 * their medians.
 */
export async function measureLaunch({ app, db, port = 5780, runs = 1, env = {} }) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'tiepdan-launch-'));
    const copy = join(dir, 'so.sqlite3');
    copyFileSync(db, copy);
    for (const ext of ['-wal', '-shm']) if (existsSync(db + ext)) copyFileSync(db + ext, copy + ext);
    const driver = await startDriver(port, { ...process.env, ...env, TIEPDAN_DB: copy });
    let s;
    try {
      const start = performance.now();
      s = await Session.create(port, app);
      const screen = await s.waitFor(
        'the first screen',
        async () =>
          s.execute(`return document.querySelector('[aria-label="Bắt đầu sử dụng"]') ? 'first-start'
            : document.querySelector('section[aria-label="Đăng nhập"]') ? 'sign-in' : null;`),
        600000,
      );
      const run = { toFirstScreen: Math.round(performance.now() - start), screen };
      if (screen === 'first-start') {
        const begin = performance.now();
        await firstStart(s, { unit: 'phường Đo Thử', records: true, leader: true });
        await s.waitFor(
          "Tổng quan with this week's figures",
          async () => s.execute(`return document.querySelector('[data-cell="queue.overdue"]') !== null;`),
          600000,
        );
        run.toDashboard = Math.round(performance.now() - begin);
      }
      // Let the background check and the first screen's work settle before reading memory.
      await new Promise((r) => setTimeout(r, 2000));
      Object.assign(run, residentMemory(driver.pid));
      results.push(run);
    } finally {
      await s?.close().catch(() => {});
      driver.kill();
      await new Promise((r) => setTimeout(r, 500));
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const pick = (k) => (results.every((r) => r[k] !== undefined) ? median(results.map((r) => r[k])) : undefined);
  return {
    runs: results,
    toFirstScreen: pick('toFirstScreen'),
    toDashboard: pick('toDashboard'),
    app: pick('app'),
    webkit: pick('webkit'),
  };
}

/** The figures in one Vietnamese line each. */
export function describe(m) {
  const lines = [`khởi động đến màn hình đầu tiên: ${m.toFirstScreen} ms (trung vị ${m.runs.length} lần)`];
  if (m.toDashboard !== undefined) lines.push(`tạo tài khoản đầu tiên đến Tổng quan có số liệu: ${m.toDashboard} ms`);
  lines.push(`bộ nhớ thường trú: phần mềm ${m.app} MB, WebKit ${m.webkit} MB, cộng ${m.app + m.webkit} MB`);
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const db = arg('db');
  const app = process.env.TIEPDAN_APP;
  if (!db || !app) {
    console.error('Cách dùng: TIEPDAN_APP=<tệp chạy> node e2e/launch.mjs --db <sổ> [--runs 3] [--port 5780]');
    process.exit(2);
  }
  const m = await measureLaunch({ app, db, port: Number(arg('port', 5780)), runs: Number(arg('runs', 3)) });
  for (const line of describe(m)) console.log(line);
  process.exit(0);
}
