import { describe, expect, it } from 'vitest';
import { filterActivities, fold, isFiltered, noFilter, usedIds, usedLegalBases } from './filter';
import { asActivity } from './records';

const list = [
  asActivity({
    id: 'a',
    reference: 'HR-01',
    name: 'Payroll',
    status: 'active',
    purposes: [{ id: 'p1', description: 'Paying salaries', legal_basis: 'ART6_1_B' }],
    data_categories: [{ category: 'bank' }, { category: 'name' }],
    recipients: [{ party: 'tax-office', role: 'public_authority' }],
  }),
  asActivity({
    id: 'b',
    reference: 'MKT-01',
    name: 'Newsletter',
    description: 'E-Mail an Kunden über Neuheiten',
    status: 'draft',
    purposes: [
      { id: 'p2', description: 'Sending news', legal_basis: 'ART6_1_A' },
      { id: 'p3', description: 'Measuring opens', legal_basis: 'ART6_1_F' },
    ],
    data_categories: [{ category: 'email' }, { category: 'name' }],
    recipients: [{ party: 'mailer', role: 'processor' }],
  }),
];
const ids = (l: { id: string }[]) => l.map((a) => a.id);

describe('filterActivities', () => {
  it('keeps everything without a filter', () => {
    expect(ids(filterActivities(list, noFilter))).toEqual(['a', 'b']);
  });

  it('matches every word in reference, name, description and purposes, ignoring case and accents', () => {
    expect(ids(filterActivities(list, { ...noFilter, query: 'mkt' }))).toEqual(['b']);
    expect(ids(filterActivities(list, { ...noFilter, query: 'salaries pay' }))).toEqual(['a']);
    expect(ids(filterActivities(list, { ...noFilter, query: 'uber' }))).toEqual(['b']);
    expect(ids(filterActivities(list, { ...noFilter, query: 'payroll news' }))).toEqual([]);
  });

  it('filters by status and by the legal basis of any purpose', () => {
    expect(ids(filterActivities(list, { ...noFilter, status: 'draft' }))).toEqual(['b']);
    expect(ids(filterActivities(list, { ...noFilter, legalBasis: 'ART6_1_F' }))).toEqual(['b']);
    expect(
      ids(filterActivities(list, { ...noFilter, query: 'pay', status: 'active', legalBasis: 'ART6_1_A' })),
    ).toEqual([]);
  });

  it('filters by data category and recipient', () => {
    expect(ids(filterActivities(list, { ...noFilter, category: 'name' }))).toEqual(['a', 'b']);
    expect(ids(filterActivities(list, { ...noFilter, category: 'bank' }))).toEqual(['a']);
    expect(ids(filterActivities(list, { ...noFilter, recipient: 'mailer' }))).toEqual(['b']);
    expect(usedIds(list, 'category')).toEqual(['bank', 'name', 'email']);
    expect(usedIds(list, 'recipient')).toEqual(['tax-office', 'mailer']);
    expect(isFiltered(noFilter)).toBe(false);
    expect(isFiltered({ ...noFilter, recipient: 'mailer' })).toBe(true);
  });

  it('lists the legal bases in use', () => {
    expect(usedLegalBases(list)).toEqual(['ART6_1_A', 'ART6_1_B', 'ART6_1_F']);
    expect(fold('Löschung')).toBe('loschung');
  });
});
