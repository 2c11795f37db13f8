import { describe, expect, it } from 'vitest';
import type { ReviewState } from './bindings';
import {
  destinationsOf,
  filterActivities,
  fold,
  isFiltered,
  noFilter,
  reviewMatches,
  usedCountries,
  usedIds,
  usedLegalBases,
} from './filter';
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

describe('destination and review filters', () => {
  const transfers = [
    { activity: 'b', country: 'US', party: 'mailer' },
    { activity: 'b', country: 'US', party: 'other' },
    { activity: 'a', country: 'CH', party: 'bank' },
    { service: 's1', country: 'JP', party: 'x' },
  ];
  const context = {
    destinations: destinationsOf(transfers),
    reviews: new Map<string, ReviewState>([
      ['a', { id: 'a', due: '2026-03-01', status: 'overdue' }],
      ['b', { id: 'b', due: null, status: 'unscheduled' }],
    ]),
    untranslated: new Set(['b']),
  };

  it('filters by the destination country of the activity’s transfers', () => {
    expect(context.destinations.get('b')).toEqual(['US']);
    expect(usedCountries(context.destinations)).toEqual(['CH', 'US']);
    expect(ids(filterActivities(list, { ...noFilter, country: 'US' }, context))).toEqual(['b']);
    expect(ids(filterActivities(list, { ...noFilter, country: 'CH' }, context))).toEqual(['a']);
    expect(ids(filterActivities(list, { ...noFilter, country: 'JP' }, context))).toEqual([]);
    // Without the transfers nothing can match a destination.
    expect(ids(filterActivities(list, { ...noFilter, country: 'US' }))).toEqual([]);
  });

  it('filters by review due: overdue, soon, unscheduled', () => {
    expect(ids(filterActivities(list, { ...noFilter, review: 'overdue' }, context))).toEqual(['a']);
    expect(ids(filterActivities(list, { ...noFilter, review: 'unscheduled' }, context))).toEqual(['b']);
    expect(ids(filterActivities(list, { ...noFilter, review: 'soon' }, context))).toEqual([]);
    expect(isFiltered({ ...noFilter, review: 'soon' })).toBe(true);
  });

  it('keeps the activities the core says need a translation', () => {
    expect(ids(filterActivities(list, { ...noFilter, translation: true }, context))).toEqual(['b']);
    expect(isFiltered({ ...noFilter, translation: true })).toBe(true);
    expect(isFiltered(noFilter)).toBe(false);
  });

  it('takes the review status from the core', () => {
    expect(reviewMatches('soon', { id: 'x', due: '2026-03-10', status: 'soon' })).toBe(true);
    expect(reviewMatches('overdue', { id: 'x', due: '2026-03-10', status: 'soon' })).toBe(false);
    expect(reviewMatches('', undefined)).toBe(true);
    expect(reviewMatches('soon', undefined)).toBe(false);
  });
});
