import { describe, expect, it } from 'vitest';
import type { BlockTotals } from './bindings/BlockTotals';
import type { PeriodReport } from './bindings/PeriodReport';
import type { SessionView } from './bindings/SessionView';
import type { Visit } from './bindings/Visit';
import { csvName, petitionsCsv, queueCsv, receptionCsv, visitsCsv } from './csv';
import { deadline, person, petition, URGENCIES } from './petitionFixtures';

const labels = {
  petition_kinds: [
    { code: 'complaint', label: 'Khiếu nại' },
    { code: 'proposal', label: 'Kiến nghị, phản ánh' },
    { code: 'mixed', label: 'Nhiều nội dung' },
  ],
  petition_sources: [
    { code: 'post', label: 'Bưu chính' },
    { code: 'transfer', label: 'Cơ quan khác chuyển đến' },
  ],
  petition_states: [
    { code: 'received', label: 'Mới tiếp nhận' },
    { code: 'accepted', label: 'Đã thụ lý' },
  ],
  fields: [
    {
      code: 'dat-dai',
      name: 'Đất đai',
      complaint_group: 'land',
      denunciation_group: 'administrative',
      proposal_group: 'land',
      active: true,
    },
  ] as never,
  signers: [{ code: 'anonymous', label: 'Nặc danh' }],
  urgencies: URGENCIES,
  session_kinds: [{ code: 'regular', label: 'Thường xuyên' }],
  host_groups: [
    { code: 'officer', label: 'Công chức tiếp dân' },
    { code: 'chairman', label: 'Chủ tịch UBND' },
    { code: 'deputy', label: 'Cấp phó được ủy quyền' },
    { code: 'council', label: 'Thường trực HĐND' },
  ],
  handlings: [
    { code: 'guide', label: 'Hướng dẫn' },
    { code: 'none', label: 'Chưa xử lý' },
  ],
};

describe('csvName', () => {
  it('says what and when in plain letters', () => {
    expect(csvName('Danh-sach-don', null, '2026-12-20')).toBe('Danh-sach-don_20-12-2026');
    expect(csvName('Luot-tiep', { from: '2026-12-14', to: '2026-12-20' })).toBe('Luot-tiep_14-12-2026_20-12-2026');
    expect(csvName('Can-xu-ly')).toBe('Can-xu-ly');
  });
});

describe('petitionsCsv', () => {
  it('has a row per petition with the list’s columns in words', () => {
    const overdue = petition({
      number: '7/2026',
      source: 'transfer',
      source_agency: 'UBND thành phố',
      field_code: 'dat-dai',
      state: 'accepted',
      urgency: 'overdue',
      next_due: deadline({ due: '2026-03-16', label: 'Giải quyết khiếu nại' }),
    });
    const anonymous = petition({ id: 'p2', number: '8/2026', anonymous: true, petitioners: [], kind: 'mixed', contents: ['complaint', 'proposal'] });
    const t = petitionsCsv([overdue, anonymous], labels);
    expect(t.header).toEqual([
      'Số đơn',
      'Ngày nhận',
      'Nguồn đơn',
      'Cơ quan chuyển đơn',
      'Loại đơn',
      'Lĩnh vực',
      'Nội dung',
      'Người đứng đơn',
      'Trạng thái',
      'Hạn tiếp theo',
      'Việc phải làm',
      'Thời hạn',
    ]);
    expect(t.rows[0]).toEqual([
      '7/2026',
      '02/03/2026',
      'Cơ quan khác chuyển đến',
      'UBND thành phố',
      'Khiếu nại',
      'Đất đai',
      'Khiếu nại quyết định thu hồi đất',
      'Phạm Thị Lan',
      'Đã thụ lý',
      '16/03/2026',
      'Giải quyết khiếu nại',
      'Quá hạn',
    ]);
    expect(t.rows[1][4]).toBe('Nhiều nội dung (Khiếu nại, Kiến nghị, phản ánh)');
    expect(t.rows[1][7]).toBe('Nặc danh');
    expect(t.rows[1][11]).toBe('Chờ phân loại');
    expect(t.rows.every((r) => r.length === t.header.length)).toBe(true);
  });
});

describe('queueCsv', () => {
  it('keeps the queue’s order and its columns', () => {
    const t = queueCsv(
      [petition({ number: '2/2026', urgency: 'due_soon', next_due: deadline() }), petition({ id: 'b', number: '1/2026' })],
      labels,
    );
    expect(t.header).toEqual(['Số đơn', 'Ngày nhận', 'Loại đơn', 'Người đứng đơn', 'Nội dung', 'Thời hạn tiếp theo', 'Hạn', 'Mức độ']);
    expect(t.rows.map((r) => r[0])).toEqual(['2/2026', '1/2026']);
    expect(t.rows[0].slice(5)).toEqual(['Trả lời việc xử lý đơn', '16/03/2026', 'Sắp đến hạn']);
  });
});

const visit = (patch: Partial<Visit>): Visit => ({
  id: 'v1',
  session_id: 's1',
  seq: 1,
  headcount: 1,
  delegation: false,
  content: 'Hỏi về thủ tục cấp giấy chứng nhận',
  kind: 'proposal',
  field_code: 'dat-dai',
  handling: { handling: 'guide', agency: 'Phòng Tài nguyên', letter_no: null },
  case_id: 'c1',
  chairman_joined: false,
  persons: [person()],
  petition_number: null,
  petition_id: null,
  petition_state: null,
  prior_agencies: null,
  ...patch,
});

describe('visitsCsv', () => {
  it('lists the visits of the sessions shown, by date then turn', () => {
    const sessions: SessionView[] = [
      {
        session: { id: 's2', date: '2026-12-18', kind: 'regular', host_group: 'chairman', host_name: 'Trần Văn Nam', place: null, notes: null },
        visits: [visit({ id: 'v3', session_id: 's2', headcount: 6, delegation: true, chairman_joined: true, petition_number: '5/2026' })],
      },
      {
        session: { id: 's1', date: '2026-12-14', kind: 'regular', host_group: 'officer', host_name: null, place: null, notes: null },
        visits: [visit({ id: 'v2', seq: 2, persons: [], kind: null, field_code: null, handling: { handling: 'none', agency: null, letter_no: null } }), visit({})],
      },
    ];
    const t = visitsCsv(sessions, labels);
    expect(t.header[0]).toBe('Ngày tiếp');
    expect(t.rows.map((r) => [r[0], r[3]])).toEqual([
      ['14/12/2026', '1'],
      ['14/12/2026', '2'],
      ['18/12/2026', '1'],
    ]);
    expect(t.rows[0]).toEqual([
      '14/12/2026',
      'Thường xuyên',
      'Công chức tiếp dân',
      '1',
      'Phạm Thị Lan',
      '1',
      '',
      '',
      'Hỏi về thủ tục cấp giấy chứng nhận',
      'Kiến nghị, phản ánh',
      'Đất đai',
      'Hướng dẫn',
      'Phòng Tài nguyên',
      '',
      '',
    ]);
    expect(t.rows[1].slice(4, 12)).toEqual(['', '1', '', '', 'Hỏi về thủ tục cấp giấy chứng nhận', '', '', 'Chưa xử lý']);
    expect(t.rows[2][2]).toBe('Chủ tịch UBND – Trần Văn Nam');
    expect([t.rows[2][5], t.rows[2][6], t.rows[2][7], t.rows[2][14]]).toEqual(['6', 'Có', 'Có', '5/2026']);
  });
});

function block(visits: number): BlockTotals {
  return {
    sessions: 1,
    reception_days: 1,
    empty_sessions: 0,
    visits,
    people: visits + 1,
    delegations: 0,
    delegation_people: 0,
    cases: visits,
    cases_first: visits,
    cases_repeat: 0,
    petitions_at_visits: {
      complaint: 0,
      denunciation: 0,
      proposal: 1,
      mixed: 0,
      total: 1,
      mixed_with_complaint: 0,
      mixed_with_denunciation: 0,
      mixed_with_proposal: 0,
      mixed_unknown: 0,
    },
    visits_with_petition: 1,
  };
}

describe('receptionCsv', () => {
  it('is the reception table as shown: a row per block, the total, HĐND', () => {
    const report = {
      chairman: block(2),
      deputy: block(0),
      officer: block(5),
      reception: block(7),
      council: block(1),
    } as unknown as PeriodReport;
    const t = receptionCsv(report, labels.host_groups);
    expect(t.header).toEqual([
      'Người tiếp',
      'Số buổi',
      'Số ngày tiếp',
      'Lượt',
      'Người',
      'Vụ việc',
      'Lần đầu',
      'Nhiều lần',
      'Đoàn đông người',
      'Người trong đoàn',
      'Đơn qua tiếp dân',
    ]);
    expect(t.rows.map((r) => r[0])).toEqual([
      'Chủ tịch UBND',
      'Cấp phó được ủy quyền',
      'Công chức tiếp dân',
      'Tổng cộng (01/TCD)',
      'Thường trực HĐND',
    ]);
    expect(t.rows[3]).toEqual(['Tổng cộng (01/TCD)', '1', '1', '7', '8', '7', '7', '0', '0', '0', '1']);
  });
});
