// The Cài đặt form: the saved Settings as the inputs show them (numbers as typed text) and
// back. The ranges are the core's to check; the form only reads whole numbers.
import type { DeadlineSettings } from './bindings/DeadlineSettings';
import type { ErrorDto } from './bindings/ErrorDto';
import type { ReportSettings } from './bindings/ReportSettings';
import type { Settings } from './bindings/Settings';
import { localError } from './errors';

/** The deadline numbers an office may set, with the rule each one comes from. */
export const DEADLINE_FIELDS = [
  {
    key: 'first_reply_working_days',
    label: 'Thời hạn trả lời việc xử lý đơn nhận khi tiếp công dân',
    unit: 'ngày làm việc',
    rule: 'Luật Tiếp công dân 2013, Điều 28: đơn nhận khi tiếp công dân. Mặc định 10.',
  },
  {
    key: 'processing_working_days',
    label: 'Thời hạn xử lý đơn nhận qua bưu chính, trực tuyến, do cơ quan khác chuyển đến',
    unit: 'ngày làm việc',
    rule: 'Thông tư 05/2021/TT-TTCP: 10 ngày làm việc kể từ ngày nhận đơn. Mặc định 10.',
  },
  {
    key: 'complaint_acceptance_working_days',
    label: 'Thời hạn thụ lý khiếu nại (đơn nhận từ 01/7/2026)',
    unit: 'ngày làm việc',
    rule: 'Luật Khiếu nại 2011, Điều 27 sửa đổi bởi Luật 136/2025/QH15; Nghị định 155/2026/NĐ-CP. Mặc định 7. Đơn nhận trước 01/7/2026: 10 ngày theo luật cũ.',
  },
  {
    key: 'unprocessed_days',
    label: 'Đơn tồn đọng sau',
    unit: 'ngày',
    rule: 'Nghị định 154/2026/NĐ-CP, Điều 41: đơn để quá số ngày này (ngày lịch) mà chưa xử lý. Mặc định 45.',
  },
  {
    key: 'due_soon_working_days',
    label: 'Báo “sắp đến hạn” trước',
    unit: 'ngày làm việc',
    rule: 'Do đơn vị chọn: đơn còn trong số ngày làm việc này đến hạn được báo trên Tổng quan và danh sách đơn. Mặc định 3.',
  },
  {
    key: 'proposal_resolution_days',
    label: 'Thời hạn giải quyết kiến nghị, phản ánh',
    unit: 'ngày; 0: không theo dõi',
    rule: 'Luật chưa quy định một thời hạn chung cho việc giải quyết kiến nghị, phản ánh: đơn vị đặt theo quy chế của mình (ví dụ 30 ngày kể từ ngày thụ lý). Mặc định 0: không theo dõi.',
  },
] as const satisfies readonly { key: keyof DeadlineSettings; label: string; unit: string; rule: string }[];

export type DeadlineNumberKey = (typeof DEADLINE_FIELDS)[number]['key'];

export const PLAIN_DAYS_RULE =
  'Các thời hạn luật ghi “ngày” (không ghi “ngày làm việc”): thụ lý khiếu nại trước 01/7/2026, giải quyết khiếu nại, giải quyết tố cáo, đơn tồn đọng. Mặc định không chọn: tính theo ngày lịch.';

export const REMOTE_AREA_RULE =
  'Luật Khiếu nại 2011, Điều 28 và 37: ở vùng sâu, vùng xa, thời hạn giải quyết khiếu nại dài hơn (lần đầu 45 ngày, lần hai 60 ngày; vụ việc phức tạp 60 và 70 ngày).';

/** The core's name of a deadline setting's field ("deadlines.due_soon_working_days"). */
export const deadlineField = (key: keyof DeadlineSettings) => `deadlines.${key}`;

export interface DeadlineForm {
  first_reply_working_days: string;
  processing_working_days: string;
  complaint_acceptance_working_days: string;
  unprocessed_days: string;
  due_soon_working_days: string;
  proposal_resolution_days: string;
  remote_area: boolean;
  plain_days_working: boolean;
}

/** "Báo cáo và tệp xuất": what the report (Mẫu số 02) and the exported files need. */
export interface ReportForm {
  place: string;
  signer_authority: string;
  signer_title: string;
  signer_name: string;
  recipients: string;
  chairman_days_per_month: string;
  export_dir: string;
}

/** The core's name of a report setting's field ("report.signer_name"). */
export const reportField = (key: keyof ReportSettings) => `report.${key}`;

export const CHAIRMAN_DAYS_LABEL = 'Số ngày tiếp tối thiểu mỗi tháng của Chủ tịch (từ 01/7/2026)';

export interface SettingsForm {
  unit_name: string;
  reception_team_name: string;
  deadlines: DeadlineForm;
  report: ReportForm;
}

export function deadlineFormOf(d: DeadlineSettings): DeadlineForm {
  return {
    first_reply_working_days: String(d.first_reply_working_days),
    processing_working_days: String(d.processing_working_days),
    complaint_acceptance_working_days: String(d.complaint_acceptance_working_days),
    unprocessed_days: String(d.unprocessed_days),
    due_soon_working_days: String(d.due_soon_working_days),
    proposal_resolution_days: String(d.proposal_resolution_days),
    remote_area: d.remote_area,
    plain_days_working: d.plain_days_working,
  };
}

export function reportFormOf(r: ReportSettings): ReportForm {
  return {
    place: r.place,
    signer_authority: r.signer_authority,
    signer_title: r.signer_title,
    signer_name: r.signer_name,
    recipients: r.recipients,
    chairman_days_per_month: String(r.chairman_days_per_month),
    export_dir: r.export_dir,
  };
}

export function settingsFormOf(s: Settings): SettingsForm {
  return {
    unit_name: s.unit_name,
    reception_team_name: s.reception_team_name,
    deadlines: deadlineFormOf(s.deadlines),
    report: reportFormOf(s.report),
  };
}

/** "Nơi nhận" as typed: one line each, blank lines and trailing spaces dropped. */
export function recipientLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}

/** The report settings the form holds, or the number it cannot read (on its field). */
export function formToReport(form: ReportForm): { report: ReportSettings } | { error: ErrorDto } {
  const days = readWhole(form.chairman_days_per_month);
  if (days === null) {
    return {
      error: localError(reportField('chairman_days_per_month'), `${CHAIRMAN_DAYS_LABEL} phải là một số nguyên (số ngày).`),
    };
  }
  return {
    report: {
      place: form.place.trim(),
      signer_authority: form.signer_authority.trim(),
      signer_title: form.signer_title.trim(),
      signer_name: form.signer_name.trim(),
      recipients: recipientLines(form.recipients),
      chairman_days_per_month: days,
      export_dir: form.export_dir.trim(),
    },
  };
}

/** A whole number typed by the officer (a number input may hand back a number). */
export function readWhole(value: string | number | null | undefined): number | null {
  const t = String(value ?? '').trim();
  if (!/^\d{1,6}$/.test(t)) return null;
  return Number(t);
}

export type SettingsOrError = { settings: Settings } | { error: ErrorDto };

/**
 * The Settings to save: what the form holds over `base` (the saved settings, so what the
 * form does not show, such as `sample_offered`, is kept). A number that is not a whole
 * number is reported on its field; its range is the core's to check.
 */
export function formToSettings(base: Settings, form: SettingsForm): SettingsOrError {
  const deadlines: DeadlineSettings = {
    ...base.deadlines,
    remote_area: form.deadlines.remote_area,
    plain_days_working: form.deadlines.plain_days_working,
  };
  for (const f of DEADLINE_FIELDS) {
    const n = readWhole(form.deadlines[f.key]);
    if (n === null) {
      return { error: localError(deadlineField(f.key), `${f.label} phải là một số nguyên (số ${f.unit}).`) };
    }
    deadlines[f.key] = n;
  }
  const report = formToReport(form.report);
  if ('error' in report) return report;
  return {
    settings: {
      ...base,
      unit_name: form.unit_name.trim(),
      reception_team_name: form.reception_team_name.trim(),
      deadlines,
      report: report.report,
    },
  };
}

/** Whether the form holds edits not yet saved (what was typed differs from `saved`). */
export function settingsChanged(form: SettingsForm, saved: Settings): boolean {
  const norm = (f: SettingsForm) =>
    JSON.stringify({
      unit_name: f.unit_name.trim(),
      reception_team_name: f.reception_team_name.trim(),
      deadlines: Object.fromEntries(
        Object.entries(f.deadlines).map(([k, v]) => [k, typeof v === 'boolean' ? v : String(v).trim()]),
      ),
      report: Object.fromEntries(
        Object.entries(f.report).map(([k, v]) => [k, k === 'recipients' ? recipientLines(String(v)) : String(v).trim()]),
      ),
    });
  return norm(form) !== norm(settingsFormOf(saved));
}
