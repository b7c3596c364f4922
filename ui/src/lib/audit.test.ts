import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './bindings/AuditEntry';
import { formatInstant } from './history';
import { appendPage, AUDIT_PAGE, auditFilter, auditRows, checkTone, mayHaveMore, shortId, whatOf } from './audit';

const catalogue = {
  actors: [
    { code: 'desk', label: 'Bàn tiếp dân' },
    { code: 'sample', label: 'Dữ liệu mẫu' },
  ],
  change_actions: [
    { code: 'sign_in', label: 'Đăng nhập' },
    { code: 'account', label: 'Tài khoản' },
    { code: 'backup', label: 'Sao lưu, khôi phục' },
    { code: 'create', label: 'Tạo mới' },
  ],
};

const UID = '01a22da7-09f4-74c3-b986-80100a95060c';

const entry = (seq: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  seq,
  at: '2026-11-30T01:05:00Z',
  actor: 'desk',
  user: 'quantri',
  action: 'sign_in',
  table: 'users',
  record_id: UID,
  subject: null,
  note: null,
  source: null,
  ...over,
});

describe('audit rows', () => {
  it('read: local time, the account or —, the action label, what, the note', () => {
    const at = new Date(2026, 10, 30, 8, 5).toISOString();
    const rows = auditRows(
      [
        entry(3, { at, action: 'account', note: 'tạo tài khoản', subject: 'quantri' }),
        entry(2, { at, user: null, actor: 'sample', action: 'create', table: 'petitions', record_id: UID }),
      ],
      catalogue,
    );
    expect(rows[0]).toEqual({
      seq: 3,
      when: '30/11/2026 08:05',
      who: 'quantri',
      whoTitle: 'Bàn tiếp dân',
      action: 'Tài khoản',
      what: 'Tài khoản quantri',
      whatTitle: `users ${UID}`,
      note: 'tạo tài khoản',
    });
    expect(rows[1].who).toBe('—');
    expect(rows[1].whoTitle).toBe('Dữ liệu mẫu');
    expect(rows[1].what).toBe('Đơn …0a95060c');
  });

  it('the time is the office’s local time, not UTC', () => {
    const [row] = auditRows([entry(1, { at: '2026-11-30T01:05:00Z' })], catalogue);
    expect(row.when).toBe(formatInstant('2026-11-30T01:05:00Z'));
    expect(row.when).toMatch(/^\d\d\/\d\d\/2026 \d\d:\d\d$/);
  });

  it('say which file brought a change', () => {
    const [row] = auditRows([entry(1, { action: 'create', note: null, source: 'phuong-a.json' })], catalogue);
    expect(row.note).toBe('tệp nhập: phuong-a.json');
  });

  it('an export is named by its note, not by an id of its own', () => {
    const [row] = auditRows(
      [entry(1, { action: 'export', table: 'exports', record_id: '01a2e89ae2a1', note: 'Sổ tiếp công dân …' })],
      catalogue,
    );
    expect(row.what).toBe('Tệp xuất');
  });

  it('a record a restore carried over from the register it replaced is not called an import', () => {
    const [row] = auditRows(
      [
        entry(1, {
          action: 'backup',
          note: 'sao lưu vào /d/sao-luu/b.sqlite3',
          source: 'sổ trước khi khôi phục (/d/so.sqlite3.truoc-khoi-phuc-1)',
        }),
      ],
      catalogue,
    );
    expect(row.note).toBe(
      'sao lưu vào /d/sao-luu/b.sqlite3; ghi ở sổ trước khi khôi phục (/d/so.sqlite3.truoc-khoi-phuc-1)',
    );
    expect(row.note).not.toContain('tệp nhập');
  });

  it('an unknown action or table shows its code rather than nothing', () => {
    const [row] = auditRows([entry(1, { action: 'merge', table: 'future_table', record_id: 'k' })], catalogue);
    expect(row.action).toBe('merge');
    expect(row.what).toBe('future_table k');
  });
});

describe('what a row touched', () => {
  it('names an account by the login the core gives, a failed sign-in by the login typed', () => {
    expect(whatOf(entry(1, { subject: 'quantri' }))).toBe('Tài khoản quantri');
    expect(whatOf(entry(1))).toBe('Tài khoản …0a95060c');
    expect(whatOf(entry(1, { action: 'sign_in_failed', record_id: 'ai-do' }))).toBe('Tài khoản ai-do');
  });
  it('a backup is just "Sao lưu"; a setting by its key unless the core names it', () => {
    expect(whatOf(entry(1, { table: 'backups', record_id: UID }))).toBe('Sao lưu');
    expect(whatOf(entry(1, { table: 'settings', record_id: 'idle_lock_minutes' }))).toBe('Cài đặt idle_lock_minutes');
    expect(
      whatOf(entry(1, { table: 'settings', record_id: 'idle_lock_minutes', subject: 'Thời gian tự khóa khi không dùng' })),
    ).toBe('Cài đặt Thời gian tự khóa khi không dùng');
  });
  it('a record by the words the core gives (a denunciator masked), else by its id', () => {
    expect(whatOf(entry(1, { table: 'petitions', subject: 'số 12/2026' }))).toBe('Đơn số 12/2026');
    expect(whatOf(entry(1, { table: 'persons', subject: 'Người tố cáo (được bảo mật)' }))).toBe(
      'Công dân Người tố cáo (được bảo mật)',
    );
    expect(whatOf(entry(1, { table: 'persons' }))).toBe('Công dân …0a95060c');
  });
  it('cuts only the app’s own ids', () => {
    expect(shortId(UID)).toBe('…0a95060c');
    expect(shortId('2026')).toBe('2026');
  });
});

describe('paging and the filter', () => {
  it('asks for the newest page, then the page before the oldest row shown', () => {
    expect(auditFilter('')).toEqual({ action: null, before: null, limit: AUDIT_PAGE });
    expect(auditFilter('backup', [entry(900), entry(850)])).toEqual({ action: 'backup', before: 850, limit: AUDIT_PAGE });
  });
  it('offers more only after a full page', () => {
    expect(mayHaveMore(Array.from({ length: AUDIT_PAGE }, (_, i) => entry(i)))).toBe(true);
    expect(mayHaveMore([entry(1)])).toBe(false);
  });
  it('appends a page without a row twice', () => {
    expect(appendPage([entry(5), entry(4)], [entry(4), entry(3)]).map((e) => e.seq)).toEqual([5, 4, 3]);
  });
});

describe('the chain check', () => {
  it('is green when whole, red when broken', () => {
    expect(checkTone({ rows: 10, broken_at: null, message: 'Lịch sử thay đổi nguyên vẹn (10 bản ghi).' })).toBe('ok');
    expect(checkTone({ rows: 10, broken_at: 4, message: '…' })).toBe('broken');
  });
});
