import { describe, expect, it } from 'vitest';
import type { BackupInfo } from './bindings/BackupInfo';
import {
  backupMadeText,
  chosenFile,
  chosenFolder,
  fileName,
  folderOf,
  formatSize,
  restoredText,
  historyWarning,
  restoreComparison,
  restoreFileQuestion,
  restoreQuestion,
} from './backups';

describe('sizes', () => {
  it('are KB under a megabyte, MB with one decimal above', () => {
    expect(formatSize(0)).toBe('0 KB');
    expect(formatSize(10)).toBe('1 KB');
    expect(formatSize(1536)).toBe('2 KB');
    expect(formatSize(870_400)).toBe('850 KB');
    expect(formatSize(1_048_575)).toBe('1.024 KB');
    expect(formatSize(1_048_576)).toBe('1,0 MB');
    expect(formatSize(1_982_464)).toBe('1,9 MB');
    expect(formatSize(BigInt(5) * BigInt(1024 ** 3))).toBe('5.120,0 MB');
  });
});

describe('paths', () => {
  it('split into the folder and the file name, either slash', () => {
    expect(fileName('/home/a/sao-luu/so-tiep-dan_2026-11-30_081500.sqlite3')).toBe('so-tiep-dan_2026-11-30_081500.sqlite3');
    expect(fileName('E:\\sao-luu\\b.sqlite3')).toBe('b.sqlite3');
    expect(folderOf('/home/a/sao-luu/b.sqlite3')).toBe('/home/a/sao-luu');
    expect(folderOf('E:\\sao-luu\\b.sqlite3')).toBe('E:\\sao-luu');
    expect(folderOf('/b.sqlite3')).toBe('/');
    expect(folderOf('b.sqlite3')).toBe('');
  });
  it('a folder typed is trimmed; nothing typed is none', () => {
    expect(chosenFolder('  /media/usb ')).toBe('/media/usb');
    expect(chosenFolder('   ')).toBe(null);
  });
});

describe('what is said', () => {
  it('after a backup: checked, with what it holds', () => {
    expect(
      backupMadeText({
        backup: { path: '/x/b.sqlite3', made_at: '30/11/2026 08:15:00', bytes: 100 as unknown as bigint },
        sessions: 155 as unknown as bigint,
        visits: 212 as unknown as bigint,
        petitions: 111 as unknown as bigint,
      }),
    ).toBe('Đã sao lưu và kiểm tra: 155 buổi tiếp, 212 lượt tiếp, 111 đơn.');
  });

  it('before a restore: what is replaced and that the current register is kept aside', () => {
    const b: BackupInfo = { path: '/d/sao-luu/b.sqlite3', made_at: '30/11/2026 08:15:00', bytes: 1 as unknown as bigint };
    const q = restoreQuestion(b, '/d/so.sqlite3');
    expect(q).toMatch(/^Khôi phục sổ từ bản sao lưu lúc 30\/11\/2026 08:15:00\?/);
    expect(q).toContain('Sổ hiện tại được giữ lại bên cạnh tệp sổ (so.sqlite3.truoc-khoi-phuc-…)');
    expect(q).toContain('Mọi màn hình sẽ tải lại.');
    expect(restoreQuestion(b, '')).toContain('Sổ hiện tại được giữ lại bên cạnh tệp sổ,');
  });

  it('before a restore: what the backup holds beside the register, and what the register has more of', () => {
    const b: BackupInfo = { path: '/d/sao-luu/b.sqlite3', made_at: '25/11/2026 16:00:00', bytes: 1 as unknown as bigint };
    const holds = (sessions: number, visits: number, petitions: number, last: string | null) => ({
      sessions: sessions as unknown as bigint,
      visits: visits as unknown as bigint,
      petitions: petitions as unknown as bigint,
      last_session: last,
    });
    const q = restoreQuestion(b, '/d/so.sqlite3', {
      backup: holds(2, 1003, 2, '2026-11-23'),
      current: holds(3, 1005, 2, '2026-11-30'),
      history_broken: null,
    });
    expect(q).toContain(
      '? Bản sao lưu có 2 buổi tiếp, 1.003 lượt tiếp, 2 đơn (buổi tiếp gần nhất ngày 23/11/2026); ' +
        'sổ hiện tại có 3 buổi tiếp, 1.005 lượt tiếp, 2 đơn (buổi tiếp gần nhất ngày 30/11/2026); ' +
        'sổ hiện tại nhiều hơn bản sao lưu 1 buổi tiếp, 2 lượt tiếp. Sổ hiện tại được giữ lại',
    );
    // The same records: nothing said to be more; an empty register has no latest day.
    expect(
      restoreFileQuestion('/u/b.sqlite3', '', { backup: holds(0, 0, 0, null), current: holds(0, 0, 0, null), history_broken: null }),
    ).toContain('Tệp đã được kiểm tra. Bản sao lưu có 0 buổi tiếp, 0 lượt tiếp, 0 đơn; sổ hiện tại có 0 buổi tiếp, 0 lượt tiếp, 0 đơn. Sổ hiện tại');
    // A backup holding more than the register (the register was emptied): nothing "more" said.
    expect(restoreComparison({ backup: holds(5, 9, 4, '2026-11-23'), current: holds(1, 1, 0, '2026-11-30'), history_broken: null })).not.toContain(
      'nhiều hơn',
    );
    expect(restoreComparison(null)).toBe('');
  });

  it('before a restore: a backup whose history was edited outside the app is warned of, apart from the question', () => {
    const b: BackupInfo = { path: '/d/sao-luu/b.sqlite3', made_at: '25/11/2026 16:00:00', bytes: 1 as unknown as bigint };
    const holds = (n: number) => ({
      sessions: n as unknown as bigint,
      visits: n as unknown as bigint,
      petitions: n as unknown as bigint,
      last_session: null,
    });
    const broken = 'Lịch sử thay đổi không còn nguyên vẹn từ bản ghi số 2: bản ghi này hoặc bản ghi ngay trước nó đã bị sửa hoặc xóa ngoài phần mềm.';
    const preview = { backup: holds(1), current: holds(2), history_broken: broken };
    expect(historyWarning(preview)).toBe(
      `CẢNH BÁO: ${broken} Các bản ghi trong bản sao lưu này có thể cũng đã bị sửa; ` +
        'chỉ khôi phục khi đây là bản sao lưu duy nhất còn dùng được.',
    );
    // The question itself is the same as for a whole backup.
    expect(restoreQuestion(b, '/d/so.sqlite3', preview)).toBe(restoreQuestion(b, '/d/so.sqlite3', { ...preview, history_broken: null }));
    expect(historyWarning({ ...preview, history_broken: null })).toBe('');
    expect(historyWarning(null)).toBe('');
  });

  it('after a restore: from where, and where the former register is kept', () => {
    expect(restoredText('/d/sao-luu/b.sqlite3', '/d/so.sqlite3.truoc-khoi-phuc-1')).toBe(
      'Đã khôi phục từ bản sao lưu /d/sao-luu/b.sqlite3; tệp sổ trước đó giữ tại /d/so.sqlite3.truoc-khoi-phuc-1.',
    );
    expect(restoredText('/d/b.sqlite3', null)).toBe('Đã khôi phục từ bản sao lưu /d/b.sqlite3.');
  });
});

describe('a restore from a file typed by its path', () => {
  it('takes the path as typed or copied with its quotes', () => {
    expect(chosenFile('  E:\\sao-luu\\tiepdan.sqlite3 ')).toBe('E:\\sao-luu\\tiepdan.sqlite3');
    expect(chosenFile('"E:\\sao lưu\\tiepdan.sqlite3"')).toBe('E:\\sao lưu\\tiepdan.sqlite3');
    expect(chosenFile('  ')).toBe(null);
    expect(chosenFile('""')).toBe(null);
    expect(chosenFile('"')).toBe('"');
  });
  it('asks naming the file and what is kept', () => {
    const q = restoreFileQuestion('/media/usb/tiepdan-2026-11-30.sqlite3', '/d/so.sqlite3');
    expect(q).toMatch(/^Khôi phục sổ từ tệp \/media\/usb\/tiepdan-2026-11-30\.sqlite3\? Tệp đã được kiểm tra\. Sổ hiện tại/);
    expect(q).toContain('(so.sqlite3.truoc-khoi-phuc-…)');
    expect(q).toContain('Mọi màn hình sẽ tải lại.');
  });
});
