import { afterEach, describe, expect, it, vi } from 'vitest';
import * as api from './api';

type Invoke = (cmd: string, args?: Record<string, unknown>) => Promise<unknown>;

function withBackend(invoke: Invoke) {
  const spy = vi.fn(invoke);
  (globalThis as Record<string, unknown>).window = { __TAURI_INTERNALS__: { invoke: spy } };
  return spy;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).window;
});

describe('api', () => {
  it('rejects with a Vietnamese ErrorDto outside the app window', async () => {
    expect(api.hasBackend()).toBe(false);
    await expect(api.appInfo()).rejects.toMatchObject({ code: 'no_backend', field: null });
  });

  it('uses the exact command names and argument keys', async () => {
    const spy = withBackend(async () => null);
    const range = { from: '2026-03-02', to: '2026-03-08' };
    await api.appInfo();
    await api.listSessions(range);
    await api.findPersons('nguyen');
    await api.undoLastMove('p1');
    await api.presetPeriod('this_week');
    await api.deleteVisit('v1');
    await api.periodReport(range);
    const calls = spy.mock.calls.map(([cmd, args]) => [cmd, args]);
    expect(calls).toEqual([
      ['app_info', {}],
      ['list_sessions', { range }],
      ['find_persons', { query: 'nguyen' }],
      ['undo_last_move', { id: 'p1' }],
      ['preset_period', { preset: 'this_week' }],
      ['delete_visit', { id: 'v1' }],
      ['period_report', { range }],
    ]);
  });

  it('passes the core error through unchanged', async () => {
    const dto = { code: 'invalid', field: 'headcount', message: 'Số người phải từ 1 trở lên.' };
    withBackend(async () => {
      throw dto;
    });
    await expect(api.addVisit({} as never)).rejects.toEqual(dto);
  });

  it('turns a plain IPC failure into an ErrorDto', async () => {
    withBackend(async () => {
      throw 'command add_visit not found';
    });
    await expect(api.addVisit({} as never)).rejects.toEqual({
      code: 'ipc',
      field: null,
      message: 'command add_visit not found',
    });
  });

  it('listens to no export progress outside the app window', async () => {
    const stop = await api.onExportProgress(() => {});
    expect(typeof stop).toBe('function');
    stop();
  });
});

describe('a command refused for want of a sign-in', () => {
  it('locks the session with the core’s message, and still rejects', async () => {
    const { session } = await import('./session.svelte');
    session.access = {
      has_accounts: true,
      user: { id: 'u1', login: 'xem', full_name: 'Người xem', roles: ['viewer'] },
      permissions: ['view_totals'],
      idle_lock_minutes: 15,
    };
    session.locked = false;
    const message = 'Phần mềm đã tự khóa sau 15 phút không dùng: hãy đăng nhập lại.';
    withBackend(async () => {
      throw { code: 'sign_in_required', field: null, message };
    });
    await expect(api.dashboard()).rejects.toMatchObject({ code: 'sign_in_required', message });
    expect(session.locked).toBe(true);
    expect(session.lockedMessage).toBe(message);
  });

  it('other refusals leave the session open', async () => {
    const { session } = await import('./session.svelte');
    session.locked = false;
    session.lockedMessage = null;
    withBackend(async () => {
      throw { code: 'forbidden', field: null, message: 'không có quyền' };
    });
    await expect(api.revealPerson('p1', 'xác minh')).rejects.toMatchObject({ code: 'forbidden' });
    expect(session.locked).toBe(false);
  });
});
