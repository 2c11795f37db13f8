import { describe, expect, it } from 'vitest';
import {
  addChip,
  asService,
  categoriesToSave,
  entryOfError,
  newService,
  removeChip,
  removeEntry,
  toSave,
} from './services';

describe('processor services', () => {
  it('reads a record from the core, filling lists it may omit', () => {
    const service = asService({ id: 's1', controller: 'c1', name: 'Hosting', revision: 4 });
    expect(service).toMatchObject({
      id: 's1',
      controller: 'c1',
      name: 'Hosting',
      processing_categories: [],
      toms: [],
      revision: 4,
    });
    // Fields the screen does not name are carried along untouched (the core refuses unknown
    // ones, so nothing is added either).
    const full = asService({
      id: 's1',
      controller: 'c1',
      name: 'Hosting',
      agreement: 'AVV 7',
      processing_categories: ['Hosting'],
      toms: ['t1'],
      revision: 1,
    });
    expect(full.agreement).toBe('AVV 7');
    expect(Object.keys(full).sort()).toEqual(
      ['agreement', 'controller', 'id', 'name', 'processing_categories', 'revision', 'toms'],
    );
  });

  it('creates a new service with the chosen controller and lets the core give the id', () => {
    expect(newService('c1', 'New service')).toEqual({
      id: '',
      controller: 'c1',
      name: 'New service',
    });
  });

  it('saves categories without the blank entries the core would refuse', () => {
    expect(categoriesToSave(['Hosting', '', '  ', 'Support ', '\t'])).toEqual([
      'Hosting',
      'Support ',
    ]);
    expect(categoriesToSave([])).toEqual([]);
  });

  it('sends an emptied name as an empty string and drops blank categories', () => {
    const draft = {
      id: 's1',
      controller: 'c1',
      name: null,
      processing_categories: ['', 'Payroll'],
      toms: ['t1'],
      revision: 2,
    };
    expect(toSave(draft)).toEqual({
      id: 's1',
      controller: 'c1',
      name: '',
      processing_categories: ['Payroll'],
      toms: ['t1'],
      revision: 2,
    });
    // The draft itself keeps the entry the user just added.
    expect(draft.processing_categories).toEqual(['', 'Payroll']);
    expect(toSave({ id: 's1', name: 'Hosting' }).name).toBe('Hosting');
  });

  it("maps the core's index into the saved categories back to the entry on screen", () => {
    const entries = ['', 'Hosting', ' ', 'Support', 'Backups'];
    expect(entryOfError(entries, 'processing_categories[0]')).toBe(1);
    expect(entryOfError(entries, 'processing_categories[1]')).toBe(3);
    expect(entryOfError(entries, 'processing_categories[2]')).toBe(4);
    expect(entryOfError(entries, 'processing_categories[2].x')).toBe(4);
    expect(entryOfError(entries, 'processing_categories[3]')).toBeUndefined();
    expect(entryOfError(entries, 'processing_categories')).toBeUndefined();
    expect(entryOfError(entries, 'name')).toBeUndefined();
    expect(entryOfError(entries, undefined)).toBeUndefined();
    expect(entryOfError(['A', 'B'], 'processing_categories[1]')).toBe(1);
  });

  it('adds and removes TOM chips without duplicates', () => {
    expect(addChip(['t1'], 't2')).toEqual(['t1', 't2']);
    expect(addChip(['t1', 't2'], 't1')).toEqual(['t1', 't2']);
    expect(addChip(['t1'], '')).toEqual(['t1']);
    expect(removeChip(['t1', 't2', 't3'], 't2')).toEqual(['t1', 't3']);
    expect(removeChip(['t1'], 'x')).toEqual(['t1']);
  });

  it('removes one category entry by position, also among equal texts', () => {
    expect(removeEntry(['A', 'B', 'A'], 2)).toEqual(['A', 'B']);
    expect(removeEntry(['A', '', ''], 1)).toEqual(['A', '']);
    expect(removeEntry(['A'], 5)).toEqual(['A']);
  });
});
