// Development only (never part of the build): an in-memory stand-in for the Tauri core,
// so the screens can be looked at in a plain browser. Its figures are rough: the real
// counting rules live in the Rust core.
import type { AppInfo } from '../src/lib/bindings/AppInfo';
import type { Catalogue } from '../src/lib/bindings/Catalogue';
import type { BlockTotals } from '../src/lib/bindings/BlockTotals';
import type { NewPetition } from '../src/lib/bindings/NewPetition';
import type { NewSession } from '../src/lib/bindings/NewSession';
import type { NewVisit } from '../src/lib/bindings/NewVisit';
import type { PeriodRange } from '../src/lib/bindings/PeriodRange';
import type { PeriodReport } from '../src/lib/bindings/PeriodReport';
import type { Person } from '../src/lib/bindings/Person';
import type { PersonInput } from '../src/lib/bindings/PersonInput';
import type { Petition } from '../src/lib/bindings/Petition';
import type { PetitionFilter } from '../src/lib/bindings/PetitionFilter';
import type { Session } from '../src/lib/bindings/Session';
import type { Settings } from '../src/lib/bindings/Settings';
import type { Visit } from '../src/lib/bindings/Visit';

const TODAY = '2026-03-05';

const catalogue: Catalogue = {
  session_kinds: [
    { code: 'regular', label: 'Thường xuyên' },
    { code: 'scheduled', label: 'Định kỳ' },
    { code: 'ad_hoc', label: 'Đột xuất' },
  ],
  host_groups: [
    { code: 'chairman', label: 'Chủ tịch UBND' },
    { code: 'deputy', label: 'Cấp phó được ủy quyền' },
    { code: 'officer', label: 'Công chức tiếp dân' },
    { code: 'council', label: 'Thường trực HĐND' },
  ],
  petition_kinds: [
    { code: 'complaint', label: 'Khiếu nại' },
    { code: 'denunciation', label: 'Tố cáo' },
    { code: 'proposal', label: 'Kiến nghị, phản ánh' },
    { code: 'mixed', label: 'Nhiều nội dung' },
  ],
  handlings: [
    { code: 'accept', label: 'Thụ lý' },
    { code: 'guide', label: 'Hướng dẫn' },
    { code: 'transfer', label: 'Chuyển đơn' },
    { code: 'urge', label: 'Đôn đốc' },
    { code: 'return', label: 'Trả lại đơn' },
    { code: 'file', label: 'Lưu đơn' },
    { code: 'none', label: 'Chưa xử lý' },
  ],
  petition_sources: [
    { code: 'visit', label: 'Qua tiếp công dân' },
    { code: 'post', label: 'Qua bưu chính' },
    { code: 'online', label: 'Trực tuyến' },
    { code: 'transfer', label: 'Cơ quan khác chuyển đến' },
  ],
  petition_statuses: [
    { code: 'open', label: 'Đang xử lý' },
    { code: 'closed', label: 'Đã xong' },
  ],
  id_kinds: [
    { code: 'none', label: 'Không có' },
    { code: 'can_cuoc', label: 'Căn cước / CCCD' },
    { code: 'cmnd', label: 'CMND (cũ)' },
    { code: 'passport', label: 'Hộ chiếu' },
  ],
  period_presets: [
    { code: 'today', label: 'Hôm nay' },
    { code: 'this_week', label: 'Tuần này' },
    { code: 'last_week', label: 'Tuần trước' },
    { code: 'this_month', label: 'Tháng này' },
    { code: 'last_month', label: 'Tháng trước' },
  ],
  fields: [
    ['dat_dai', 'Đất đai'],
    ['chinh_sach', 'Chế độ, chính sách'],
    ['tthc', 'Thủ tục hành chính'],
    ['vsmt', 'Vệ sinh môi trường'],
    ['tu_phap', 'Tư pháp'],
  ].map(([code, name]) => ({
    code,
    name,
    complaint_group: 'other',
    denunciation_group: 'other',
    proposal_group: 'other',
    active: true,
  })),
};

interface Db {
  settings: Settings;
  sessions: Session[];
  visits: Visit[];
  petitions: Petition[];
  persons: Person[];
  seq: number;
}

class Fail {
  constructor(
    public field: string | null,
    public message: string,
  ) {}
}

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
function monday(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return addDays(iso, -((d.getUTCDay() + 6) % 7));
}

export function installMockBackend(opts: { empty: boolean }) {
  const db: Db = {
    settings: {
      unit_name: 'phường Việt Hòa',
      reception_team_name: 'Bộ phận tiếp công dân',
      delegation_threshold: 5,
      sample_offered: !opts.empty,
    },
    sessions: [],
    visits: [],
    petitions: [],
    persons: [],
    seq: 0,
  };
  const id = (p: string) => `${p}-${++db.seq}`;

  function resolvePerson(p: PersonInput, field: string): Person {
    if (p.existing_id) {
      const found = db.persons.find((x) => x.id === p.existing_id);
      if (!found) throw new Fail(field, 'Không tìm thấy người đã chọn.');
      return found;
    }
    if (!p.full_name.trim()) throw new Fail(`${field}.full_name`, 'Họ và tên không được để trống.');
    const looksLikeCmnd = p.id_kind === null && p.id_number !== null && /^\d{9}$/.test(p.id_number);
    if (p.id_number && (p.id_kind === 'can_cuoc' || p.id_kind === null) && !looksLikeCmnd && !/^\d{12}$/.test(p.id_number)) {
      throw new Fail(`${field}.id_number`, `Số căn cước phải gồm đúng 12 chữ số (đã nhập "${p.id_number}").`);
    }
    const person: Person = {
      id: id('person'),
      full_name: p.full_name,
      id_kind: p.id_kind ?? (p.id_number ? 'can_cuoc' : 'none'),
      id_number: p.id_number,
      address: p.address,
      phone: p.phone,
    };
    db.persons.push(person);
    return person;
  }

  function checkDate(field: string, label: string, iso: string) {
    if (iso > TODAY) throw new Fail(field, `${label}: ngày ${iso} ở tương lai.`);
  }

  function createSession(input: NewSession): Session {
    checkDate('date', 'Ngày tiếp', input.date);
    const s: Session = { id: id('session'), ...input };
    db.sessions.push(s);
    return s;
  }

  function addVisit(input: NewVisit): Visit {
    const session = db.sessions.find((s) => s.id === input.session_id);
    if (!session) throw new Fail(null, 'Không tìm thấy buổi tiếp.');
    const persons = input.persons.map((p, i) => resolvePerson(p, `persons[${i}]`));
    if (input.headcount < 1) throw new Fail('headcount', 'Số người phải từ 1 trở lên.');
    if (input.headcount < persons.length)
      throw new Fail('headcount', `Số người (${input.headcount}) không được ít hơn số người đã ghi tên (${persons.length}).`);
    if (!input.content.trim()) throw new Fail('content', 'Nội dung không được để trống.');
    if (input.petition && !input.petition.content.trim()) throw new Fail('petition.content', 'Nội dung đơn không được để trống.');
    const visitId = id('visit');
    let petition_number: string | null = null;
    if (input.petition) {
      const p = newPetition({
        received_on: session.date,
        source: 'visit',
        source_agency: null,
        kind: input.petition.kind,
        field_code: input.petition.field_code,
        content: input.petition.content,
        anonymous: false,
        petitioners: [],
        respondent: input.petition.respondent,
        handling: input.petition.handling,
        classification: input.petition.classification,
        case_id: input.case_id,
      });
      p.petitioners = persons;
      p.visit_id = visitId;
      petition_number = p.number;
    }
    const v: Visit = {
      id: visitId,
      session_id: session.id,
      seq: db.visits.filter((x) => x.session_id === session.id).length + 1,
      headcount: input.headcount,
      delegation: input.delegation ?? input.headcount >= db.settings.delegation_threshold,
      content: input.content,
      kind: input.kind,
      field_code: input.field_code,
      handling: input.handling,
      case_id: input.case_id ?? id('case'),
      chairman_joined: input.chairman_joined,
      persons,
      petition_number,
    };
    db.visits.push(v);
    return v;
  }

  function newPetition(input: NewPetition): Petition {
    const year = input.received_on.slice(0, 4);
    const n = db.petitions.filter((p) => p.number.endsWith(`/${year}`)).length + 1;
    const p: Petition = {
      id: id('petition'),
      number: `${n}/${year}`,
      received_on: input.received_on,
      source: input.source,
      source_agency: input.source_agency,
      visit_id: null,
      kind: input.kind,
      field_code: input.field_code,
      content: input.content,
      anonymous: input.anonymous,
      petitioners: [],
      respondent: input.respondent,
      handling: input.handling,
      classification: input.classification,
      status: 'open',
      case_id: input.case_id ?? id('case'),
    };
    db.petitions.push(p);
    return p;
  }

  function createPetition(input: NewPetition): Petition {
    checkDate('received_on', 'Ngày nhận đơn', input.received_on);
    if (input.source === 'transfer' && !input.source_agency)
      throw new Fail('source_agency', 'Cơ quan chuyển đơn không được để trống khi đơn do cơ quan khác chuyển đến.');
    if (!input.anonymous && input.petitioners.length === 0)
      throw new Fail('petitioners', 'Người đứng đơn: ghi ít nhất một người, hoặc đánh dấu đơn nặc danh.');
    const persons = input.petitioners.map((p, i) => resolvePerson(p, `petitioners[${i}]`));
    if (!input.content.trim()) throw new Fail('content', 'Nội dung đơn không được để trống.');
    const p = newPetition(input);
    p.petitioners = persons;
    return p;
  }

  const fold = (s: string) =>
    s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

  function findPersons(query: string) {
    const q = fold(query.trim());
    return db.persons
      .filter((p) => fold(p.full_name).includes(q) || (p.id_number ?? '').startsWith(query.trim()))
      .slice(0, 8)
      .map((person) => {
        const visits = db.visits.filter((v) => v.persons.some((x) => x.id === person.id));
        const byCase = new Map<string, Visit[]>();
        for (const v of visits) byCase.set(v.case_id, [...(byCase.get(v.case_id) ?? []), v]);
        const cases = [...byCase.entries()].map(([caseId, vs]) => {
          const dates = vs.map((v) => db.sessions.find((s) => s.id === v.session_id)!.date).sort();
          return {
            id: caseId,
            summary: vs[0].content,
            first_received_on: dates[0],
            last_received_on: dates[dates.length - 1],
            visits: vs.length,
            petitions: vs.filter((v) => v.petition_number).length,
          };
        });
        return { person, cases };
      });
  }

  function block(visits: Visit[], sessions: Session[]): BlockTotals {
    const kinds = { complaint: 0, denunciation: 0, proposal: 0, mixed: 0, total: 0 };
    for (const v of visits) {
      const p = db.petitions.find((x) => x.visit_id === v.id);
      if (p) {
        kinds[p.kind]++;
        kinds.total++;
      }
    }
    const cases = new Set(visits.map((v) => v.case_id)).size;
    const del = visits.filter((v) => v.delegation);
    return {
      sessions: sessions.length,
      reception_days: new Set(sessions.map((s) => s.date)).size,
      empty_sessions: sessions.filter((s) => !db.visits.some((v) => v.session_id === s.id)).length,
      visits: visits.length,
      people: visits.reduce((n, v) => n + v.headcount, 0),
      delegations: del.length,
      delegation_people: del.reduce((n, v) => n + v.headcount, 0),
      cases,
      cases_first: cases,
      cases_repeat: 0,
      petitions_at_visits: kinds,
      visits_with_petition: kinds.total,
    };
  }

  function report(range: PeriodRange): PeriodReport {
    if (range.from > range.to) throw new Fail('to', 'Đến ngày phải sau Từ ngày.');
    const sessions = db.sessions.filter((s) => s.date >= range.from && s.date <= range.to);
    const group = (g: string) => {
      const ss = sessions.filter((s) => s.host_group === g);
      const vs = db.visits.filter((v) => ss.some((s) => s.id === v.session_id));
      return block(vs, ss);
    };
    const official = sessions.filter((s) => s.host_group !== 'council');
    const reception = block(
      db.visits.filter((v) => official.some((s) => s.id === v.session_id)),
      official,
    );
    const pets = db.petitions.filter((p) => p.received_on >= range.from && p.received_on <= range.to);
    const kinds = { complaint: 0, denunciation: 0, proposal: 0, mixed: 0, total: pets.length };
    const sources = { visit: 0, post: 0, online: 0, transfer: 0, total: pets.length };
    for (const p of pets) {
      kinds[p.kind]++;
      sources[p.source]++;
    }
    const unit = db.settings.unit_name;
    const sentences = [
      reception.visits === 0
        ? `Trong kỳ, ${unit} không có công dân đến.`
        : `Trong kỳ, ${unit} đã tiếp ${reception.people} người với ${reception.visits} lượt, ${
            reception.delegations === 0 ? 'không có đoàn đông người' : `${reception.delegations} đoàn đông người`
          }.`,
      pets.length === 0 ? 'Không tiếp nhận đơn.' : `Tiếp nhận ${pets.length} đơn.`,
    ];
    return {
      period: range,
      chairman: group('chairman'),
      deputy: group('deputy'),
      officer: group('officer'),
      council: group('council'),
      reception,
      petitions_received: kinds,
      petitions_by_source: sources,
      petitions_still_open: pets.filter((p) => p.status === 'open').length,
      sentences,
    };
  }

  function preset(p: string): PeriodRange {
    const mon = monday(TODAY);
    switch (p) {
      case 'today':
        return { from: TODAY, to: TODAY };
      case 'this_week':
        return { from: mon, to: addDays(mon, 6) };
      case 'last_week':
        return { from: addDays(mon, -7), to: addDays(mon, -1) };
      case 'this_month':
        return { from: `${TODAY.slice(0, 7)}-01`, to: `${TODAY.slice(0, 7)}-31` };
      default:
        return { from: '2026-02-01', to: '2026-02-28' };
    }
  }

  function loadSample() {
    const hosts = ['officer', 'officer', 'chairman', 'officer', 'council'] as const;
    const names = ['Nguyễn Văn Đức', 'Trần Thị Mai', 'Lê Văn Tám', 'Phạm Thị Hoa', 'Hoàng Văn Nam'];
    for (let w = 11; w >= 0; w--) {
      const date = addDays(monday(TODAY), -7 * w + (w === 0 ? 1 : 2));
      const s = createSession({
        date,
        kind: 'regular',
        host_group: hosts[w % hosts.length],
        host_name: null,
        place: 'Trụ sở UBND phường',
        notes: null,
      });
      for (let i = 0; i < (w * 7) % 5; i++) {
        const known = db.persons.find((p) => p.full_name === names[(w + i) % names.length]);
        addVisit({
          session_id: s.id,
          persons: [
            known
              ? { existing_id: known.id, full_name: known.full_name, id_kind: null, id_number: null, address: null, phone: null }
              : {
                  existing_id: null,
                  full_name: names[(w + i) % names.length],
                  id_kind: 'can_cuoc',
                  id_number: `0012030045${String(w).padStart(2, '0')}`.slice(0, 12),
                  address: `Tổ ${w + 1}, phường Việt Hòa`,
                  phone: null,
                },
          ],
          headcount: i === 2 ? 6 : 1,
          delegation: null,
          content: ['Đề nghị cấp giấy chứng nhận quyền sử dụng đất', 'Phản ánh ô nhiễm tiếng ồn', 'Hỏi chế độ người có công'][i % 3],
          kind: (['proposal', 'proposal', 'complaint'] as const)[i % 3],
          field_code: ['dat_dai', 'vsmt', 'chinh_sach'][i % 3],
          handling: { handling: 'guide', agency: 'UBND phường', letter_no: null },
          case_id: null,
          chairman_joined: false,
          petition:
            i === 1
              ? {
                  kind: 'proposal',
                  field_code: 'vsmt',
                  content: 'Phản ánh ô nhiễm tiếng ồn',
                  respondent: null,
                  handling: { handling: 'accept', agency: null, letter_no: null },
                  classification: { round: 'first', competence: 'within', eligible: null },
                }
              : null,
        });
      }
    }
    return { from: db.sessions[0].date, to: TODAY, sessions: db.sessions.length, visits: db.visits.length, petitions: db.petitions.length };
  }

  if (!opts.empty) loadSample();

  const handlers: Record<string, (a: Record<string, unknown>) => unknown> = {
    app_info: (): AppInfo => ({
      version: '0.1.0-mock',
      db_path: '/tmp/tiepdan-mock.sqlite3',
      schema_version: 1,
      is_empty: db.sessions.length === 0 && db.petitions.length === 0,
      today: TODAY,
      settings: { ...db.settings },
    }),
    catalogue: () => catalogue,
    save_settings: (a) => {
      const s = a.settings as Settings;
      if (!s.unit_name.trim()) throw new Fail('unit_name', 'Tên đơn vị không được để trống.');
      if (s.delegation_threshold < 2) throw new Fail('delegation_threshold', 'Ngưỡng đoàn đông người phải từ 2 trở lên.');
      db.settings = { ...s };
      return { ...db.settings };
    },
    load_sample: () => loadSample(),
    create_session: (a) => createSession(a.input as NewSession),
    add_visit: (a) => addVisit(a.input as NewVisit),
    delete_visit: (a) => {
      db.visits = db.visits.filter((v) => v.id !== a.id);
      return null;
    },
    list_sessions: (a) => {
      const r = a.range as PeriodRange;
      return db.sessions
        .filter((s) => s.date >= r.from && s.date <= r.to)
        .sort((x, y) => (x.date < y.date ? 1 : x.date > y.date ? -1 : 0))
        .map((session) => ({ session, visits: db.visits.filter((v) => v.session_id === session.id) }));
    },
    find_persons: (a) => findPersons(a.query as string),
    create_petition: (a) => createPetition(a.input as NewPetition),
    list_petitions: (a) => {
      const f = a.filter as PetitionFilter;
      return db.petitions
        .filter(
          (p) =>
            (!f.kind || p.kind === f.kind) &&
            (!f.status || p.status === f.status) &&
            (!f.field_code || p.field_code === f.field_code) &&
            (!f.from || p.received_on >= f.from) &&
            (!f.to || p.received_on <= f.to),
        )
        .reverse();
    },
    set_petition_status: (a) => {
      const p = db.petitions.find((x) => x.id === a.id);
      if (!p) throw new Fail(null, 'Không tìm thấy đơn.');
      p.status = a.status as Petition['status'];
      return { ...p };
    },
    period_report: (a) => report(a.range as PeriodRange),
    preset_period: (a) => preset(a.preset as string),
    dashboard: () => {
      const mon = monday(TODAY);
      const weeks = [];
      for (let w = 11; w >= 0; w--) {
        const r = report({ from: addDays(mon, -7 * w), to: addDays(mon, -7 * w + 6) });
        weeks.push({
          period: r.period,
          visits: r.reception.visits,
          people: r.reception.people,
          petitions: r.petitions_received.total,
          chairman_visits: r.chairman.visits,
        });
      }
      return {
        today: TODAY,
        this_week: report({ from: mon, to: addDays(mon, 6) }),
        weeks,
        open_petitions: db.petitions.filter((p) => p.status === 'open').length,
      };
    },
  };

  (window as unknown as { __TAURI_INTERNALS__: unknown }).__TAURI_INTERNALS__ = {
    invoke: async (cmd: string, args: Record<string, unknown> = {}) => {
      await new Promise((r) => setTimeout(r, cmd === 'load_sample' ? 400 : 20));
      const h = handlers[cmd];
      if (!h) throw `command ${cmd} not found`;
      try {
        return structuredClone(h(args));
      } catch (e) {
        if (e instanceof Fail) throw { code: 'invalid', field: e.field, message: e.message };
        throw e;
      }
    },
  };
}
