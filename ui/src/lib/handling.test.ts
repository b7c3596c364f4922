import { describe, expect, it } from 'vitest';
import { emptyHandling, needsAgency, toHandlingInput, unreviewed } from './handling';

describe('handling', () => {
  it('asks for an agency only for guide and transfer', () => {
    expect(needsAgency('guide')).toBe(true);
    expect(needsAgency('transfer')).toBe(true);
    expect(needsAgency('accept')).toBe(false);
    expect(needsAgency('none')).toBe(false);
  });
  it('drops agency text typed before switching to a handling without one', () => {
    expect(toHandlingInput({ handling: 'accept', agency: 'UBND quận', letter_no: '12' })).toEqual({
      handling: 'accept',
      agency: null,
      letter_no: null,
    });
    expect(toHandlingInput({ handling: 'transfer', agency: ' Công an phường ', letter_no: '' })).toEqual({
      handling: 'transfer',
      agency: 'Công an phường',
      letter_no: null,
    });
  });
  it('defaults', () => {
    expect(toHandlingInput(emptyHandling())).toEqual({ handling: 'none', agency: null, letter_no: null });
    expect(unreviewed()).toEqual({ round: 'first', competence: 'undetermined', eligible: null });
  });
});
