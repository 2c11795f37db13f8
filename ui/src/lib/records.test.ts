import { describe, expect, it } from 'vitest';
import { asActivity, newPurposeId, nextReference } from './records';

describe('records', () => {
  it('fills the lists a stored activity may omit', () => {
    const a = asActivity({ id: 'x', reference: 'R', name: 'N' });
    expect(a.purposes).toEqual([]);
    expect(a.data_categories).toEqual([]);
    expect(a.recipients).toEqual([]);
    expect(a.status).toBe('draft');
    expect(a.revision).toBe(0);
  });

  it('proposes a reference code that is not used yet', () => {
    expect(nextReference([])).toBe('NEW-01');
    expect(nextReference([{ reference: 'NEW-01' }, { reference: 'new-02' }])).toBe('NEW-03');
  });

  it('gives new purposes ids unique within the activity', () => {
    expect(newPurposeId([])).toBe('purpose-1');
    expect(newPurposeId([{ id: 'purpose-2' }])).toBe('purpose-3');
    expect(newPurposeId([{ id: 'a' }, { id: 'purpose-3' }])).toBe('purpose-4');
  });
});
