// "Xuất CSV" of the lists on screen: the header and rows of what each list shows, with
// the catalogue's labels and dd/mm/yyyy dates. The core writes the file (`saveCsv`).
import type { Catalogue } from './bindings/Catalogue';
import type { Petition } from './bindings/Petition';
import type { PeriodRange } from './bindings/PeriodRange';
import type { PeriodReport } from './bindings/PeriodReport';
import type { SessionView } from './bindings/SessionView';
import { fieldName, labelOf } from './catalogue';
import { formatDate } from './dates';
import { petitionerNames } from './petitionView';
import { BLOCK_ROWS, COLUMNS, blockOf, cellValue, rowLabel } from './report';
import { isWaiting, WAITING_TEXT } from './urgency';

export interface CsvTable {
  header: string[];
  rows: string[][];
}

type PetitionLabels = Pick<
  Catalogue,
  'petition_kinds' | 'petition_sources' | 'petition_states' | 'fields' | 'signers' | 'urgencies'
>;

/** A file name of plain letters the core accepts: "Danh-sach-don_20-12-2026". */
export function csvName(what: string, range: PeriodRange | null = null, today: string | null = null): string {
  const d = (iso: string) => formatDate(iso).replace(/\//g, '-');
  if (range) return `${what}_${d(range.from)}_${d(range.to)}`;
  if (today) return `${what}_${d(today)}`;
  return what;
}

function kindText(p: Petition, c: PetitionLabels): string {
  const kind = labelOf(c.petition_kinds, p.kind);
  if (p.contents.length === 0) return kind;
  return `${kind} (${p.contents.map((k) => labelOf(c.petition_kinds, k)).join(', ')})`;
}

function urgencyText(p: Petition, c: PetitionLabels): string {
  if (p.urgency === 'none') return isWaiting(p) ? WAITING_TEXT : '';
  return labelOf(c.urgencies, p.urgency);
}

/** The petitions list of Đơn thư, as filtered on screen. */
export function petitionsCsv(petitions: Petition[], c: PetitionLabels): CsvTable {
  return {
    header: [
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
    ],
    rows: petitions.map((p) => [
      p.number,
      formatDate(p.received_on),
      labelOf(c.petition_sources, p.source),
      p.source_agency ?? '',
      kindText(p, c),
      fieldName(c.fields, p.field_code),
      p.content,
      petitionerNames(p, c.signers),
      labelOf(c.petition_states, p.state),
      formatDate(p.next_due?.due ?? null),
      p.next_due?.label ?? '',
      urgencyText(p, c),
    ]),
  };
}

/** The dashboard's "Cần xử lý", in its order. */
export function queueCsv(queue: Petition[], c: PetitionLabels): CsvTable {
  return {
    header: ['Số đơn', 'Ngày nhận', 'Loại đơn', 'Người đứng đơn', 'Nội dung', 'Thời hạn tiếp theo', 'Hạn', 'Mức độ'],
    rows: queue.map((p) => [
      p.number,
      formatDate(p.received_on),
      kindText(p, c),
      petitionerNames(p, c.signers),
      p.content,
      p.next_due?.label ?? '',
      formatDate(p.next_due?.due ?? null),
      urgencyText(p, c),
    ]),
  };
}

type VisitLabels = Pick<Catalogue, 'session_kinds' | 'host_groups' | 'petition_kinds' | 'handlings' | 'fields'>;

/** The visits of the sessions listed in Sổ tiếp dân, session by session, in order. */
export function visitsCsv(sessions: SessionView[], c: VisitLabels): CsvTable {
  const sorted = [...sessions].sort((a, b) => a.session.date.localeCompare(b.session.date));
  return {
    header: [
      'Ngày tiếp',
      'Loại buổi tiếp',
      'Người chủ trì',
      'Lượt',
      'Công dân',
      'Số người',
      'Đoàn đông người',
      'Chủ tịch cùng tiếp',
      'Nội dung',
      'Phân loại',
      'Lĩnh vực',
      'Hướng xử lý',
      'Cơ quan',
      'Số văn bản',
      'Đơn số',
    ],
    rows: sorted.flatMap((sv) => {
      const s = sv.session;
      const host = labelOf(c.host_groups, s.host_group) + (s.host_name ? ` – ${s.host_name}` : '');
      return [...sv.visits]
        .sort((a, b) => a.seq - b.seq)
        .map((v) => [
          formatDate(s.date),
          labelOf(c.session_kinds, s.kind),
          host,
          String(v.seq),
          v.persons.map((p) => p.full_name).join(', '),
          String(v.headcount),
          v.delegation ? 'Có' : '',
          v.chairman_joined ? 'Có' : '',
          v.content,
          labelOf(c.petition_kinds, v.kind),
          fieldName(c.fields, v.field_code),
          labelOf(c.handlings, v.handling.handling),
          v.handling.agency ?? '',
          v.handling.letter_no ?? '',
          v.petition_number ?? '',
        ]);
    }),
  };
}

/** "Kết quả tiếp công dân" of Tổng hợp: a row per block, the columns on screen. */
export function receptionCsv(report: PeriodReport, hostGroups: Catalogue['host_groups']): CsvTable {
  return {
    header: ['Người tiếp', ...COLUMNS.map((col) => col.label)],
    rows: BLOCK_ROWS.map((row) => [
      rowLabel(row, hostGroups),
      ...COLUMNS.map((col) => String(cellValue(blockOf(report, row), col.key))),
    ]),
  };
}
