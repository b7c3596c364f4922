// Closing the window while a form holds typed, unsaved work: what to ask.

/** Names of the forms that report unsaved work (`setUnsaved(name, …)`), in words. */
const FORM_WORDS: Record<string, string> = {
  visit: 'lượt tiếp đang nhập',
  'visit-edit': 'lượt tiếp đang sửa',
  session: 'buổi tiếp đang nhập',
  'session-edit': 'buổi tiếp đang sửa',
  person: 'thông tin công dân đang sửa',
  petition: 'đơn đang nhập (Thêm đơn)',
  'petition-edit': 'đơn đang sửa',
  move: 'bước xử lý đơn đang nhập',
  settings: 'cài đặt chưa lưu',
  calendar: 'lịch ngày làm việc chưa lưu',
  fields: 'danh mục lĩnh vực chưa lưu',
  account: 'tài khoản đang nhập (Cài đặt)',
  figures: 'số liệu nhập tay chưa lưu (Tổng hợp)',
};

const OTHER = 'dữ liệu ở màn hình khác';

/** "lượt tiếp đang nhập, buổi tiếp đang nhập" for the forms named. */
export function unsavedText(forms: string[]): string {
  const words: string[] = [];
  for (const f of forms) {
    const w = FORM_WORDS[f] ?? OTHER;
    if (!words.includes(w)) words.push(w);
  }
  return words.join(', ');
}

/** The question of the close dialog, or null when nothing would be lost. */
export function closeQuestion(forms: string[]): string | null {
  if (forms.length === 0) return null;
  return `Có dữ liệu đang nhập chưa lưu: ${unsavedText(forms)}. Đóng phần mềm và bỏ dữ liệu này?`;
}

/** The forms of the Cài đặt screen (kept when the sample data is removed). */
export const SETTINGS_FORMS = ['settings', 'calendar', 'fields', 'account'];
