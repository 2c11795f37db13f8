import { describe, expect, it } from 'vitest';
import { describeError } from './errors';
import { AppError } from './ipc';

describe('describeError', () => {
  it('names the field of invalid data without repeating the record prefix', () => {
    const error = AppError.from({
      code: 'invalid',
      message: 'activity `a`, field `purposes[0].legal_basis`: choose a legal basis',
      field: 'purposes[0].legal_basis',
      fieldMessage: 'choose a legal basis',
    });
    expect(describeError(error, 'en')).toEqual({
      field: 'purposes[0].legal_basis',
      text: 'Field purposes[0].legal_basis: choose a legal basis',
      conflict: false,
    });
    expect(describeError(error, 'de').text).toBe(
      'Feld purposes[0].legal_basis: choose a legal basis',
    );
  });

  it('shows the German message in the German interface, the English one otherwise', () => {
    const error = AppError.from({
      code: 'invalid',
      message: 'transfer `t`, field `country`: FR is in the EEA',
      messageDe: 'Übermittlung `t`, Feld `country`: FR liegt im EWR',
      field: 'country',
      fieldMessage: 'FR is in the EEA',
      fieldMessageDe: 'FR liegt im EWR',
    });
    expect(describeError(error, 'de').text).toBe('Feld country: FR liegt im EWR');
    expect(describeError(error, 'en').text).toBe('Field country: FR is in the EEA');
    const plain = AppError.from({ code: 'io', message: 'disk full', messageDe: 'Platte voll' });
    expect(describeError(plain, 'de').text).toBe('Platte voll');
    // Without a German message the English one is shown rather than nothing.
    expect(describeError(new AppError('io', 'disk full'), 'de').text).toBe('disk full');
  });

  it('turns a conflict into a reload offer', () => {
    const view = describeError(new AppError('conflict', 'stale'), 'de');
    expect(view.conflict).toBe(true);
    expect(view.text).toContain('neu');
  });

  it('keeps other messages', () => {
    expect(describeError(new AppError('in_use', 'used by NTW-01'), 'en').text).toBe(
      'Still used elsewhere: used by NTW-01',
    );
    expect(describeError(new AppError('io', 'disk full'), 'en').text).toBe('disk full');
  });
});
