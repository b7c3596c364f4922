import { describe, expect, it } from 'vitest';
import { choiceOptions, fieldOptions } from './options';

describe('select options', () => {
  it('come from the catalogue codes and labels', () => {
    expect(choiceOptions([{ code: 'complaint', label: 'Khiếu nại' }])).toEqual([
      { value: 'complaint', label: 'Khiếu nại' },
    ]);
    expect(
      fieldOptions([
        {
          code: 'dat_dai',
          name: 'Đất đai',
          complaint_group: 'land',
          denunciation_group: 'administrative',
          proposal_group: 'land',
          active: true,
        },
      ]),
    ).toEqual([{ value: 'dat_dai', label: 'Đất đai' }]);
  });
});
