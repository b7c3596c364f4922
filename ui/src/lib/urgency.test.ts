import { describe, expect, it } from 'vitest';
import { deadline, petition, URGENCIES } from './petitionFixtures';
import { compareUrgency, deadlineStatus, isWaiting, petitionBadge, queueBadge, sortByUrgency, urgencyBadge } from './urgency';

describe('urgencyBadge', () => {
  it('is red with the next due date for an overdue petition', () => {
    const b = urgencyBadge('overdue', deadline({ due: '2026-02-16', overdue: true }), URGENCIES);
    expect(b).toEqual({
      tone: 'overdue',
      text: 'Quá hạn',
      due: '16/02/2026',
      title: 'Quá hạn: Trả lời việc xử lý đơn, hạn 16/02/2026',
      step: 'Trả lời việc xử lý đơn',
      note: null,
    });
  });

  it('is amber for a petition due soon', () => {
    const b = urgencyBadge('due_soon', deadline({ due: '2026-03-04', due_soon: true }), URGENCIES);
    expect(b?.tone).toBe('soon');
    expect(b?.text).toBe('Sắp đến hạn');
    expect(b?.due).toBe('04/03/2026');
  });

  it('is grey, with the core’s note, when the deadline cannot be computed', () => {
    const b = urgencyBadge('unknown', deadline({ due: null, note: 'Lịch năm 2031 chưa có' }), URGENCIES);
    expect(b?.tone).toBe('unknown');
    expect(b?.text).toBe('Chưa tính được hạn');
    expect(b?.due).toBeNull();
    expect(b?.title).toContain('Lịch năm 2031 chưa có');
    // Named in a header, the deadline and why it has no day.
    expect(b?.step).toBe('Trả lời việc xử lý đơn');
    expect(b?.note).toBe('Lịch năm 2031 chưa có');
  });

  it('shows nothing for a petition within its deadlines', () => {
    expect(urgencyBadge('none', deadline(), URGENCIES)).toBeNull();
    expect(petitionBadge(petition(), URGENCIES)).toBeNull();
  });

  it('reads the petition’s urgency and next deadline', () => {
    const p = petition({ urgency: 'overdue', next_due: deadline({ due: '2026-02-16', overdue: true }) });
    expect(petitionBadge(p, URGENCIES)?.due).toBe('16/02/2026');
  });
});

describe('sortByUrgency', () => {
  const p = (id: string, urgency: 'none' | 'due_soon' | 'overdue' | 'unknown', due: string | null) =>
    petition({ id, urgency, next_due: due === null ? null : deadline({ due }) });

  it('puts overdue first, then due soon, unknown, and the rest; earliest due first', () => {
    const list = [
      p('a', 'none', '2026-04-01'),
      p('b', 'due_soon', '2026-03-05'),
      p('c', 'overdue', '2026-02-20'),
      p('d', 'unknown', null),
      p('e', 'overdue', '2026-02-10'),
      p('f', 'due_soon', '2026-03-03'),
    ];
    expect(sortByUrgency(list).map((x) => x.id)).toEqual(['e', 'c', 'f', 'b', 'd', 'a']);
  });

  it('puts a missing due date after a known one of the same urgency, and keeps the list given', () => {
    const list = [p('x', 'overdue', null), p('y', 'overdue', '2026-01-01')];
    expect(sortByUrgency(list).map((x) => x.id)).toEqual(['y', 'x']);
    expect(list.map((x) => x.id)).toEqual(['x', 'y']);
    expect(compareUrgency(list[0], list[0])).toBe(0);
  });
});

describe('deadlineStatus', () => {
  it('says when a deadline was met, and whether late', () => {
    expect(deadlineStatus(deadline({ met_on: '2026-03-05' }), URGENCIES)).toEqual({
      tone: 'met',
      text: 'Đã thực hiện ngày 05/03/2026',
    });
    expect(deadlineStatus(deadline({ met_on: '2026-03-20', late: true }), URGENCIES)).toEqual({
      tone: 'late',
      text: 'Thực hiện muộn, ngày 20/03/2026',
    });
  });

  it('says overdue, due soon or still open', () => {
    expect(deadlineStatus(deadline({ overdue: true }), URGENCIES)).toEqual({ tone: 'overdue', text: 'Quá hạn' });
    expect(deadlineStatus(deadline({ due_soon: true }), URGENCIES)).toEqual({ tone: 'soon', text: 'Sắp đến hạn' });
    expect(deadlineStatus(deadline(), URGENCIES)).toEqual({ tone: 'open', text: 'Còn hạn' });
  });

  it('gives the core’s note when there is no due day, or a suspension', () => {
    expect(deadlineStatus(deadline({ due: null, note: 'Lịch năm 2031 chưa có' }), URGENCIES)).toEqual({
      tone: 'unknown',
      text: 'Chưa tính được hạn: Lịch năm 2031 chưa có',
    });
    const s = deadlineStatus(deadline({ due: null, suspended: true, note: 'Đang tạm đình chỉ từ 01/03/2026' }), URGENCIES);
    expect(s).toEqual({ tone: 'suspended', text: 'Đang tạm đình chỉ từ 01/03/2026' });
  });

  it('gives the core’s note for a step a petition ended without', () => {
    const note = 'Chưa ghi nhận thông báo thụ lý; đơn đã kết thúc ngày 10/04/2026.';
    expect(deadlineStatus(deadline({ due: '2026-03-25', note }), URGENCIES)).toEqual({ tone: 'unknown', text: note });
  });
});

describe('the queue’s waiting petitions', () => {
  it('are those received, not yet classified, with nothing pressing', () => {
    expect(isWaiting(petition({ state: 'received', urgency: 'none' }))).toBe(true);
    expect(isWaiting(petition({ state: 'received', urgency: 'overdue' }))).toBe(false);
    expect(isWaiting(petition({ state: 'classified', urgency: 'none' }))).toBe(false);
  });
  it('show "Chờ phân loại" with the next due date', () => {
    const p = petition({ state: 'received', urgency: 'none', next_due: deadline({ due: '2026-12-14' }) });
    expect(queueBadge(p, URGENCIES)).toEqual({
      tone: 'waiting',
      text: 'Chờ phân loại',
      due: '14/12/2026',
      title: 'Chờ phân loại: Trả lời việc xử lý đơn, hạn 14/12/2026',
      step: 'Trả lời việc xử lý đơn',
    });
  });
  it('keep their urgency’s badge when something is due', () => {
    const p = petition({ state: 'received', urgency: 'overdue', next_due: deadline({ due: '2026-02-16', overdue: true }) });
    expect(queueBadge(p, URGENCIES)?.text).toBe('Quá hạn');
    expect(queueBadge(petition({ state: 'classified', urgency: 'none' }), URGENCIES)).toBeNull();
  });
});
