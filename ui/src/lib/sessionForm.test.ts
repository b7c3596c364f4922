import { describe, expect, it } from 'vitest';
import type { Session } from './bindings/Session';
import {
  buildNewSession,
  deleteSessionQuestion,
  duplicateQuestion,
  hostChoices,
  isHead,
  isSessionDirty,
  keepHost,
  keepKind,
  kindChoices,
  newSessionDraft,
  hostNameFor,
  noVisitText,
  sessionToDraft,
  shouldCheckDuplicate,
} from './sessionForm';

const hosts = [
  { code: 'chairman', label: 'Chủ tịch UBND' },
  { code: 'deputy', label: 'Cấp phó được ủy quyền' },
  { code: 'officer', label: 'Công chức tiếp dân' },
  { code: 'council', label: 'Thường trực HĐND' },
];
const saved: Session = {
  id: 's-1',
  date: '2026-06-30',
  kind: 'scheduled',
  host_group: 'deputy',
  host_name: 'Phó Chủ tịch Lê Văn B',
  place: null,
  notes: null,
};

describe('the session form', () => {
  it('builds the NewSession from what was typed', () => {
    const d = { ...newSessionDraft('2026-03-05', 'regular', 'officer'), hostName: ' Lê Thị Thu ' };
    expect(d.date).toBe('05/03/2026');
    expect(buildNewSession(d)).toEqual({
      ok: true,
      input: { date: '2026-03-05', kind: 'regular', host_group: 'officer', host_name: 'Lê Thị Thu', place: null, notes: null },
    });
    const bad = buildNewSession({ ...d, date: '31/02/2026' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.field).toBe('date');
  });

  it('fills with a saved session and gives it back unchanged', () => {
    const d = sessionToDraft(saved);
    expect(d.date).toBe('30/06/2026');
    const built = buildNewSession(d);
    expect(built.ok && built.input).toEqual({
      date: '2026-06-30',
      kind: 'scheduled',
      host_group: 'deputy',
      host_name: 'Phó Chủ tịch Lê Văn B',
      place: null,
      notes: null,
    });
  });

  it('is dirty once something differs from where it started', () => {
    const start = newSessionDraft('2026-03-05', 'regular', 'officer');
    expect(isSessionDirty({ ...start }, start)).toBe(false);
    expect(isSessionDirty({ ...start, place: 'Phòng 1' }, start)).toBe(true);
  });
});

describe('hosts offered for the typed date', () => {
  const allowedAfter = hosts.filter((h) => h.code !== 'deputy');
  it('are those the core allows on it, or all while the date is unreadable', () => {
    expect(hostChoices(hosts, allowedAfter).map((h) => h.code)).toEqual(['chairman', 'officer', 'council']);
    expect(hostChoices(hosts, null)).toEqual(hosts);
  });
  it('a host the date no longer allows falls back to the officers', () => {
    expect(keepHost('deputy', allowedAfter)).toBe('officer');
    expect(keepHost('chairman', allowedAfter)).toBe('chairman');
    expect(keepHost('deputy', hosts)).toBe('deputy');
  });
});

describe('kinds offered for the host', () => {
  const kinds = [
    { code: 'regular', label: 'Thường xuyên' },
    { code: 'scheduled', label: 'Định kỳ' },
    { code: 'ad_hoc', label: 'Đột xuất' },
  ];
  it('are scheduled or ad hoc for the chairman and a deputy', () => {
    expect(isHead('chairman')).toBe(true);
    expect(isHead('deputy')).toBe(true);
    expect(kindChoices(kinds, 'chairman').map((k) => k.code)).toEqual(['scheduled', 'ad_hoc']);
    expect(kindChoices(kinds, 'deputy').map((k) => k.code)).toEqual(['scheduled', 'ad_hoc']);
  });
  it('are all three for the officers and the council', () => {
    expect(isHead('officer')).toBe(false);
    expect(kindChoices(kinds, 'officer')).toEqual(kinds);
    expect(kindChoices(kinds, 'council')).toEqual(kinds);
  });
  it('switch "Thường xuyên" to "Định kỳ" when the host becomes the head, and keep the rest', () => {
    expect(keepKind('regular', 'chairman')).toBe('scheduled');
    expect(keepKind('regular', 'deputy')).toBe('scheduled');
    expect(keepKind('ad_hoc', 'chairman')).toBe('ad_hoc');
    expect(keepKind('scheduled', 'deputy')).toBe('scheduled');
    expect(keepKind('regular', 'officer')).toBe('regular');
    expect(keepKind('scheduled', 'officer')).toBe('scheduled');
  });
  it('always offer the kind kept', () => {
    for (const host of ['chairman', 'deputy', 'officer', 'council'] as const) {
      for (const k of kinds) {
        const kept = keepKind(k.code as 'regular', host);
        expect(kindChoices(kinds, host).map((c) => c.code)).toContain(kept);
      }
    }
  });
});

describe('a second session the same day', () => {
  const input = { date: '2026-06-30', kind: 'scheduled' as const, host_group: 'deputy' as const, host_name: null, place: null, notes: null };
  it('is checked for every new session, and for a correction that moves date or host', () => {
    expect(shouldCheckDuplicate(input, null)).toBe(true);
    expect(shouldCheckDuplicate(input, saved)).toBe(false);
    expect(shouldCheckDuplicate({ ...input, host_name: 'X' }, saved)).toBe(false);
    expect(shouldCheckDuplicate({ ...input, date: '2026-06-29' }, saved)).toBe(true);
    expect(shouldCheckDuplicate({ ...input, host_group: 'chairman' }, saved)).toBe(true);
  });
  it('is asked with the core words, and not at all without a warning', () => {
    expect(duplicateQuestion([])).toBeNull();
    expect(duplicateQuestion([{ field: 'date', message: 'Ngày 30/06/2026 đã có 1 buổi tiếp.' }])).toBe(
      'Ngày 30/06/2026 đã có 1 buổi tiếp.',
    );
  });
});

describe('deleting a session', () => {
  it('asks plainly when nothing typed would be lost', () => {
    expect(deleteSessionQuestion([])).toBe('Xóa buổi tiếp này? Việc xóa được ghi vào lịch sử sửa đổi.');
  });
  it('says which half-typed work goes with it', () => {
    expect(deleteSessionQuestion(['lượt tiếp đang nhập (Đỗ Thị Hoa)'])).toBe(
      'Xóa buổi tiếp này? Lượt tiếp đang nhập (Đỗ Thị Hoa) chưa lưu sẽ bị bỏ. Việc xóa được ghi vào lịch sử sửa đổi.',
    );
    expect(deleteSessionQuestion(['lượt tiếp đang nhập', 'phần sửa buổi tiếp này'])).toMatch(
      /^Xóa buổi tiếp này\? Lượt tiếp đang nhập và phần sửa buổi tiếp này chưa lưu sẽ bị bỏ\./,
    );
  });
});

describe('a session with no visit', () => {
  it('may still get visits today or later', () => {
    expect(noVisitText('2026-11-30', '2026-11-30')).toBe('Chưa có lượt tiếp');
    expect(noVisitText('2026-12-01', '2026-11-30')).toBe('Chưa có lượt tiếp');
  });
  it('had nobody come on a day that is over', () => {
    expect(noVisitText('2026-11-29', '2026-11-30')).toBe('Không có công dân đến');
  });
});

describe('the host’s name of a new session', () => {
  it('is the signed-in officer’s for the desk’s sessions, none for the head’s', () => {
    expect(newSessionDraft('2026-12-07', 'regular', 'officer', 'Lê Thị Thu').hostName).toBe('Lê Thị Thu');
    expect(newSessionDraft('2026-12-07', 'scheduled', 'chairman', 'Lê Thị Thu').hostName).toBe('');
    expect(newSessionDraft('2026-12-07', 'regular', 'officer').hostName).toBe('');
  });
  it('follows the host chosen, keeping a name typed', () => {
    expect(hostNameFor('chairman', 'Lê Thị Thu', 'Lê Thị Thu')).toBe('');
    expect(hostNameFor('officer', '', 'Lê Thị Thu')).toBe('Lê Thị Thu');
    expect(hostNameFor('chairman', 'Nguyễn Văn Chủ', 'Lê Thị Thu')).toBe('Nguyễn Văn Chủ');
    expect(hostNameFor('officer', 'Trần Văn B', 'Lê Thị Thu')).toBe('Trần Văn B');
    expect(hostNameFor('chairman', 'x', '')).toBe('x');
  });
});
