import { describe, expect, it } from 'vitest';
import type { Settings } from './bindings/Settings';
import {
  DEADLINE_FIELDS,
  deadlineField,
  formToSettings,
  readWhole,
  recipientLines,
  reportField,
  settingsChanged,
  settingsFormOf,
} from './settingsForm';

const saved: Settings = {
  unit_name: 'phường Việt Hòa',
  reception_team_name: 'Ban tiếp công dân',
  sample_offered: true,
  deadlines: {
    first_reply_working_days: 10,
    processing_working_days: 10,
    plain_days_working: false,
    complaint_acceptance_working_days: 7,
    unprocessed_days: 45,
    due_soon_working_days: 3,
    remote_area: false,
    proposal_resolution_days: 0,
  },
  report: {
    place: 'Việt Hòa',
    signer_authority: 'TM. ỦY BAN NHÂN DÂN',
    signer_title: 'CHỦ TỊCH',
    signer_name: 'Nguyễn Văn An',
    recipients: '- UBND tỉnh (qua Thanh tra tỉnh);\n- Lưu: VT.',
    chairman_days_per_month: 2,
    export_dir: '',
  },
};

describe('settings form', () => {
  it('shows the saved numbers as text', () => {
    const f = settingsFormOf(saved);
    expect(f).not.toHaveProperty('delegation_threshold');
    expect(f.deadlines).toEqual({
      first_reply_working_days: '10',
      processing_working_days: '10',
      complaint_acceptance_working_days: '7',
      unprocessed_days: '45',
      due_soon_working_days: '3',
      proposal_resolution_days: '0',
      remote_area: false,
      plain_days_working: false,
    });
  });

  it('gives back what it was given when nothing is edited', () => {
    expect(formToSettings(saved, settingsFormOf(saved))).toEqual({ settings: saved });
  });

  it('turns the edited deadline inputs into DeadlineSettings', () => {
    const f = settingsFormOf(saved);
    f.deadlines.due_soon_working_days = ' 5 ';
    f.deadlines.first_reply_working_days = '12';
    f.deadlines.unprocessed_days = '60';
    f.deadlines.complaint_acceptance_working_days = '7';
    f.deadlines.remote_area = true;
    f.deadlines.proposal_resolution_days = '30';
    f.deadlines.processing_working_days = '8';
    f.deadlines.plain_days_working = true;
    const out = formToSettings(saved, f);
    expect('settings' in out && out.settings.deadlines).toEqual({
      first_reply_working_days: 12,
      processing_working_days: 8,
      plain_days_working: true,
      complaint_acceptance_working_days: 7,
      unprocessed_days: 60,
      due_soon_working_days: 5,
      remote_area: true,
      proposal_resolution_days: 30,
    });
  });

  it('keeps what the form does not show and trims the names', () => {
    const f = settingsFormOf({ ...saved, sample_offered: false });
    f.unit_name = '  xã Tân Lập ';
    const out = formToSettings({ ...saved, sample_offered: false }, f);
    expect('settings' in out && out.settings.sample_offered).toBe(false);
    expect('settings' in out && out.settings.unit_name).toBe('xã Tân Lập');
  });

  it('reports a number it cannot read on its field, as the core names it', () => {
    const f = settingsFormOf(saved);
    f.deadlines.due_soon_working_days = 'ba';
    const out = formToSettings(saved, f);
    expect('error' in out && out.error.field).toBe('deadlines.due_soon_working_days');
    expect('error' in out && out.error.message).toMatch(/số nguyên/);
  });

  it("leaves the ranges to the core (0 days' warning is the core's to accept)", () => {
    const f = settingsFormOf(saved);
    f.deadlines.due_soon_working_days = '0';
    f.deadlines.unprocessed_days = '999';
    const out = formToSettings(saved, f);
    expect('settings' in out && out.settings.deadlines.due_soon_working_days).toBe(0);
    expect('settings' in out && out.settings.deadlines.unprocessed_days).toBe(999);
  });

  it('reads whole numbers, also from a number input', () => {
    expect(readWhole(7)).toBe(7);
    expect(readWhole(' 12 ')).toBe(12);
    expect(readWhole('1.5')).toBeNull();
    expect(readWhole('-3')).toBeNull();
    expect(readWhole(null)).toBeNull();
  });

  it('names every deadline field as the core does, each with its rule', () => {
    expect(DEADLINE_FIELDS.map((f) => deadlineField(f.key))).toEqual([
      'deadlines.first_reply_working_days',
      'deadlines.processing_working_days',
      'deadlines.complaint_acceptance_working_days',
      'deadlines.unprocessed_days',
      'deadlines.due_soon_working_days',
      'deadlines.proposal_resolution_days',
    ]);
    for (const f of DEADLINE_FIELDS) expect(f.rule).not.toBe('');
  });
});

describe('unsaved settings', () => {
  it('are none while the form shows what is saved (spaces aside)', () => {
    const form = settingsFormOf(saved);
    expect(settingsChanged(form, saved)).toBe(false);
    expect(settingsChanged({ ...form, unit_name: ' phường Việt Hòa ' }, saved)).toBe(false);
  });
  it('are any edit of a name, a number or the remote-area box', () => {
    const form = settingsFormOf(saved);
    expect(settingsChanged({ ...form, unit_name: 'phường Việt Hưng' }, saved)).toBe(true);
    expect(settingsChanged({ ...form, reception_team_name: 'Tổ tiếp dân' }, saved)).toBe(true);
    expect(settingsChanged({ ...form, deadlines: { ...form.deadlines, due_soon_working_days: '5' } }, saved)).toBe(true);
    expect(settingsChanged({ ...form, deadlines: { ...form.deadlines, remote_area: true } }, saved)).toBe(true);
    expect(settingsChanged({ ...form, deadlines: { ...form.deadlines, plain_days_working: true } }, saved)).toBe(true);
  });
});

describe('report particulars (Báo cáo và tệp xuất)', () => {
  it('shows the saved particulars, the number as text', () => {
    expect(settingsFormOf(saved).report).toEqual({
      place: 'Việt Hòa',
      signer_authority: 'TM. ỦY BAN NHÂN DÂN',
      signer_title: 'CHỦ TỊCH',
      signer_name: 'Nguyễn Văn An',
      recipients: '- UBND tỉnh (qua Thanh tra tỉnh);\n- Lưu: VT.',
      chairman_days_per_month: '2',
      export_dir: '',
    });
  });

  it('saves them trimmed, "Nơi nhận" one line each without blank lines', () => {
    const f = settingsFormOf(saved);
    f.report.signer_name = '  Trần Thị Bình ';
    f.report.recipients = '- UBND tỉnh;\r\n\n  - Lưu: VT.  \n';
    f.report.chairman_days_per_month = ' 4 ';
    f.report.export_dir = ' /home/vanthu/Bao cao ';
    const out = formToSettings(saved, f);
    expect('settings' in out && out.settings.report).toEqual({
      ...saved.report,
      signer_name: 'Trần Thị Bình',
      recipients: '- UBND tỉnh;\n- Lưu: VT.',
      chairman_days_per_month: 4,
      export_dir: '/home/vanthu/Bao cao',
    });
    expect(recipientLines('a\n\n b ')).toBe('a\nb');
  });

  it('reports a number of days it cannot read on the field the core names', () => {
    const f = settingsFormOf(saved);
    f.report.chairman_days_per_month = 'hai';
    const out = formToSettings(saved, f);
    expect('error' in out && out.error.field).toBe(reportField('chairman_days_per_month'));
    expect(reportField('chairman_days_per_month')).toBe('report.chairman_days_per_month');
  });

  it('counts an edit of a particular as unsaved work', () => {
    const form = settingsFormOf(saved);
    expect(settingsChanged({ ...form, report: { ...form.report, place: 'Hà Nội' } }, saved)).toBe(true);
    expect(settingsChanged({ ...form, report: { ...form.report, recipients: form.report.recipients + '\n' } }, saved)).toBe(false);
  });
});
