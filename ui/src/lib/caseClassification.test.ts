import { describe, expect, it } from 'vitest';
import type { SessionView } from './bindings/SessionView';
import type { VisitRef } from './bindings/VisitRef';
import { latestClassification, latestVisit, visitRecords } from './caseClassification';

describe('what an earlier case was about', () => {
  it('is the kind and field of its latest classified record', () => {
    expect(
      latestClassification([
        { date: '2026-01-05', kind: 'complaint', field_code: 'dat_dai' },
        { date: '2026-02-01', kind: 'proposal', field_code: 'tthc' },
        { date: '2026-03-01', kind: null, field_code: null },
      ]),
    ).toEqual({ kind: 'proposal', field_code: 'tthc' });
    expect(latestClassification([{ date: '2026-03-01', kind: null, field_code: null }])).toBeNull();
    expect(latestClassification([])).toBeNull();
  });

  it('reads a visit of the case from its session', () => {
    const refs: VisitRef[] = [
      { visit_id: 'v-1', session_id: 's-1', date: '2026-01-05', seq: 1, content: 'a' },
      { visit_id: 'v-2', session_id: 's-2', date: '2026-02-05', seq: 2, content: 'b' },
      { visit_id: 'v-3', session_id: 's-2', date: '2026-02-05', seq: 1, content: 'c' },
    ];
    expect(latestVisit(refs)?.visit_id).toBe('v-2');
    expect(latestVisit([])).toBeNull();
    const sessions = [
      {
        session: { id: 's-2' },
        visits: [{ id: 'v-2', kind: 'complaint', field_code: 'dat_dai' }],
      },
    ] as unknown as SessionView[];
    expect(visitRecords(refs, sessions)).toEqual([{ date: '2026-02-05', kind: 'complaint', field_code: 'dat_dai' }]);
  });
});
