import { describe, expect, it } from 'vitest';
import { contentChoices, contentsToSend, kindText, showsContents, toggleContent } from './contents';

// The catalogue's petition kinds, as the core sends them.
const kinds = [
  { code: 'complaint', label: 'Khiếu nại' },
  { code: 'denunciation', label: 'Tố cáo' },
  { code: 'proposal', label: 'Kiến nghị, phản ánh' },
  { code: 'mixed', label: 'Nhiều nội dung' },
];

describe('the contents of a mixed petition', () => {
  it('are asked only for "Nhiều nội dung"', () => {
    expect(showsContents('mixed')).toBe(true);
    for (const k of ['complaint', 'denunciation', 'proposal', '', null, undefined] as const) {
      expect(showsContents(k)).toBe(false);
    }
  });

  it('offer every kind but "Nhiều nội dung", with the catalogue’s labels and order', () => {
    expect(contentChoices(kinds)).toEqual([
      { code: 'complaint', label: 'Khiếu nại' },
      { code: 'denunciation', label: 'Tố cáo' },
      { code: 'proposal', label: 'Kiến nghị, phản ánh' },
    ]);
  });

  it('are ticked and unticked in the catalogue’s order, never twice', () => {
    expect(toggleContent([], 'proposal', true, kinds)).toEqual(['proposal']);
    expect(toggleContent(['proposal'], 'complaint', true, kinds)).toEqual(['complaint', 'proposal']);
    expect(toggleContent(['complaint', 'proposal'], 'complaint', true, kinds)).toEqual(['complaint', 'proposal']);
    expect(toggleContent(['complaint', 'proposal'], 'complaint', false, kinds)).toEqual(['proposal']);
    expect(toggleContent(['proposal'], 'denunciation', false, kinds)).toEqual(['proposal']);
    expect(toggleContent([], 'mixed', true, kinds)).toEqual([]);
  });

  it('are sent for a mixed petition only, as ticked (the core counts them)', () => {
    expect(contentsToSend('mixed', ['complaint', 'proposal'])).toEqual(['complaint', 'proposal']);
    expect(contentsToSend('mixed', ['complaint'])).toEqual(['complaint']);
    expect(contentsToSend('mixed', [])).toEqual([]);
    expect(contentsToSend('mixed', ['complaint', 'complaint', 'mixed'])).toEqual(['complaint']);
    expect(contentsToSend('complaint', ['complaint', 'proposal'])).toEqual([]);
    expect(contentsToSend('', ['complaint', 'proposal'])).toEqual([]);
  });

  it('are named on the petition page after its kind', () => {
    expect(kindText(kinds, 'mixed', ['proposal', 'complaint'])).toBe('Nhiều nội dung: khiếu nại, kiến nghị, phản ánh');
    expect(kindText(kinds, 'mixed', ['complaint', 'denunciation', 'proposal'])).toBe(
      'Nhiều nội dung: khiếu nại, tố cáo, kiến nghị, phản ánh',
    );
    expect(kindText(kinds, 'complaint', [])).toBe('Khiếu nại');
    expect(kindText(kinds, 'proposal', ['complaint'])).toBe('Kiến nghị, phản ánh');
  });

  it('of an older register that never recorded them are said to be missing', () => {
    expect(kindText(kinds, 'mixed', [])).toBe('Nhiều nội dung (chưa ghi các nội dung)');
  });
});
