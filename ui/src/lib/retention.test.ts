import { describe, expect, it } from 'vitest';
import { asRetention, type Retention, switchKind, withField } from './retention';

const period: Retention = {
  kind: 'period',
  amount: 6,
  unit: 'months',
  trigger: 'after the end of the contract',
  note: 'unless a claim is pending',
};

describe('retention', () => {
  it('reads only retention rules', () => {
    expect(asRetention(null)).toBeNull();
    expect(asRetention({ kind: 'forever' })).toBeNull();
    expect(asRetention(period)).toBe(period);
  });

  it('joins the texts of both languages when two fields become one', () => {
    const bilingual: Retention = {
      kind: 'period',
      amount: 2,
      unit: 'years',
      trigger: { en: 'after the end of the contract', de: 'nach Vertragsende' },
      note: 'unless a claim is pending',
    };
    expect(switchKind(bilingual, 'criteria', '', 'en')).toEqual({
      kind: 'criteria',
      text: {
        en: 'after the end of the contract; unless a claim is pending',
        de: 'nach Vertragsende',
      },
    });
  });

  it('keeps what was typed when the kind changes', () => {
    const criteria = switchKind(period, 'criteria');
    expect(criteria).toEqual({
      kind: 'criteria',
      text: 'after the end of the contract; unless a claim is pending',
    });
    const statutory = switchKind(criteria, 'statutory', 'RET_DE_10Y');
    expect(statutory).toEqual({
      kind: 'statutory',
      rule: 'RET_DE_10Y',
      note: 'after the end of the contract; unless a claim is pending',
    });
    // Without a time limit: the words stay the note.
    expect(switchKind(statutory, 'unlimited')).toEqual({
      kind: 'unlimited',
      note: 'after the end of the contract; unless a claim is pending',
    });
    // A new period asks for its length (0 is refused by the core, naming the field).
    expect(switchKind(statutory, 'period')).toEqual({
      kind: 'period',
      amount: 0,
      unit: 'months',
      note: 'after the end of the contract; unless a claim is pending',
    });
  });

  it('returns the same rule for the same kind and none for no kind', () => {
    expect(switchKind(period, 'period')).toBe(period);
    expect(switchKind(period, '')).toBeNull();
    expect(switchKind(null, 'criteria')).toEqual({ kind: 'criteria', text: '' });
  });

  it('changes one field, dropping emptied optional texts', () => {
    expect(withField(period, 'amount', '10')).toMatchObject({ amount: 10, unit: 'months' });
    expect(withField(period, 'amount', '')).toMatchObject({ amount: 0 });
    expect(withField(period, 'amount', '-3')).toMatchObject({ amount: 0 });
    expect(withField(period, 'unit', 'years')).toMatchObject({ amount: 6, unit: 'years' });
    expect(withField(period, 'trigger', '  ')).toMatchObject({ trigger: null, note: period.note });
    // Criteria text is required: an emptied text stays empty for the core to name.
    expect(withField({ kind: 'criteria', text: 'x' }, 'text', '')).toEqual({
      kind: 'criteria',
      text: '',
    });
  });
});
