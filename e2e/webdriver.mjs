// A small W3C WebDriver client over HTTP (Node 20 fetch), enough to drive the real
// app window through tauri-driver and WebKitWebDriver the way an officer would.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
export const KEY = { down: '\uE015', enter: '\uE007', ctrl: '\uE009', release: '\uE000' };
/** Keys that move the focus or close things (Tab, Shift, Escape). */
export const MOVE_KEY = { tab: '\uE004', shift: '\uE008', escape: '\uE00C' };

export async function startDriver(port, env) {
  const args = ['--port', String(port), '--native-port', String(port + 1)];
  // The driver, WebKitWebDriver and the app write to a log file, never to the test's
  // own output: a process that outlived its test would otherwise hold the CI's pipe open.
  const logDir = new URL('./out/', import.meta.url).pathname;
  mkdirSync(logDir, { recursive: true });
  const log = openSync(`${logDir}driver-${port}.log`, 'a');
  // In a process group of its own: ending the group ends WebKitWebDriver and the app with
  // the driver, even after a failed test (an orphaned window keeps the runner waiting).
  const child = spawn('tauri-driver', args, {
    env,
    stdio: ['ignore', log, log],
    detached: true,
  });
  closeSync(log);
  const endGroup = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  process.once('exit', endGroup);
  const driver = { pid: child.pid, kill: endGroup };
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/status`);
      if (r.ok) return driver;
    } catch {
      /* not up yet */
    }
    await sleep(200);
  }
  driver.kill();
  throw new Error('tauri-driver did not start');
}

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async create(port, application) {
    const base = `http://127.0.0.1:${port}`;
    const r = await call(base, 'POST', '/session', {
      capabilities: { alwaysMatch: { 'tauri:options': { application } } },
    });
    return new Session(base, r.sessionId);
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  async execute(script, ...args) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  /** Wait until `probe` returns a truthy value (re-run every 100 ms), or fail. */
  async waitFor(what, probe, timeout = 15000) {
    const deadline = Date.now() + timeout;
    let last;
    while (Date.now() < deadline) {
      try {
        last = await probe();
        if (last) return last;
      } catch (e) {
        if (e && e.fatal) throw e;
        last = e;
      }
      await sleep(100);
    }
    throw new Error(`timed out waiting for ${what} (last: ${last})`);
  }

  /** The visible control whose accessible name (label or aria-label) is `name`. */
  async byName(name) {
    return this.waitFor(`control "${name}"`, async () => {
      const el = await this.execute(FIND_BY_NAME, name);
      return el && el[ELEMENT] ? el[ELEMENT] : null;
    });
  }

  async css(selector) {
    return this.waitFor(`element ${selector}`, async () => {
      const el = await this.execute(
        'const e = document.querySelector(arguments[0]); return e && e.offsetParent !== null ? e : null;',
        selector,
      );
      return el && el[ELEMENT] ? el[ELEMENT] : null;
    });
  }

  /**
   * Click the control named `name`. A control still covered (a dialog closing, a panel
   * sliding in) is tried again until it can be clicked, as a person waits for it.
   */
  async click(name) {
    await this.waitFor(`control "${name}" clickable`, async () => {
      const el = await this.byName(name);
      try {
        await this.cmd('POST', `/element/${el}/click`, {});
        return true;
      } catch (e) {
        if (/not interactable|click intercepted|stale element/.test(String(e))) throw e;
        throw Object.assign(e, { fatal: true });
      }
    });
  }

  async type(name, text) {
    const el = await this.byName(name);
    await this.cmd('POST', `/element/${el}/clear`, {});
    if (text !== '') {
      await this.cmd('POST', `/element/${el}/value`, { text });
    } else {
      // WebDriver's clear does not fire the input event a person's deleting fires.
      await this.execute(
        "arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
        { [ELEMENT]: el },
      );
    }
  }

  /** Send keys (WebDriver key codes allowed) to the control named `name`, without clearing it. */
  async keys(name, text) {
    const el = await this.byName(name);
    await this.cmd('POST', `/element/${el}/value`, { text });
  }

  /** Choose the option of a <select> whose visible text is `label`. */
  async choose(name, label) {
    const el = await this.byName(name);
    const ok = await this.execute(
      `const s = arguments[0];
       const o = [...s.options].find((o) => o.textContent.trim() === arguments[1]);
       if (!o) return false;
       s.value = o.value;
       s.dispatchEvent(new Event('change', { bubbles: true }));
       s.dispatchEvent(new Event('input', { bubbles: true }));
       return true;`,
      { [ELEMENT]: el },
      label,
    );
    if (!ok) throw new Error(`no option "${label}" in "${name}"`);
  }

  /** The current value of the control named `name`. */
  async valueOf(name) {
    const el = await this.byName(name);
    return this.cmd('GET', `/element/${el}/property/value`);
  }

  async textOf(selector) {
    const el = await this.css(selector);
    return (await this.cmd('GET', `/element/${el}/text`)).trim();
  }

  /**
   * Wait until the text of `selector` matches `pattern` and return it: the screen
   * updates after an async call, so a text read once may be the one before.
   */
  async expectText(selector, pattern, timeout = 15000) {
    let last = '';
    try {
      return await this.waitFor(
        `${selector} to match ${pattern}`,
        async () => {
          last = await this.textOf(selector);
          return pattern.test(last) ? last : null;
        },
        timeout,
      );
    } catch {
      throw new Error(`${selector}: expected ${pattern}, found ${JSON.stringify(last)}`);
    }
  }

  async screenshot() {
    return Buffer.from(await this.cmd('GET', '/screenshot'), 'base64');
  }

  async close() {
    await this.cmd('DELETE', '');
  }

  /** Resize the app window (W3C Set Window Rect); returns the rect the window took. */
  async setWindowRect(width, height) {
    return this.cmd('POST', '/window/rect', { width, height });
  }

  /** The app window's rect: {x, y, width, height}. */
  async windowRect() {
    return this.cmd('GET', '/window/rect');
  }
}

async function call(base, method, path, body) {
  const r = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await r.json();
  if (!r.ok || (json.value && json.value.error)) {
    const e = new Error(`${method} ${path}: ${JSON.stringify(json.value)}`);
    // The session is gone: the app's window closed, or the app exited or crashed. Waiting
    // cannot bring it back, so a wait fails at once and says so.
    if (json.value && json.value.error === 'invalid session id') {
      e.message = `the app's window is gone (it closed, or the app exited or crashed): ${e.message}`;
      e.fatal = true;
    }
    throw e;
  }
  return json.value;
}

// Accessible name of a control: aria-label, else its <label for>, else the wrapping
// label, else (buttons) its text. Exact match after collapsing white space.
const FIND_BY_NAME = `
  const want = arguments[0];
  const norm = (s) => (s || '').replace(/\\s+/g, ' ').trim();
  const nameOf = (el) => {
    if (el.getAttribute('aria-label')) return el.getAttribute('aria-label');
    if (el.id) {
      const l = document.querySelector('label[for="' + CSS.escape(el.id) + '"]');
      if (l) return l.textContent;
    }
    const wrap = el.closest('label');
    if (wrap) return wrap.textContent;
    if (el.tagName === 'BUTTON' || el.getAttribute('role') === 'option' || el.tagName === 'A') return el.textContent;
    return '';
  };
  const all = document.querySelectorAll('input, select, textarea, button, a, [role], section');
  for (const el of all) {
    if (el.offsetParent === null && getComputedStyle(el).position !== 'fixed') continue;
    if (norm(nameOf(el)) === want) return el;
  }
  return null;
`;
