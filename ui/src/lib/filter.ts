// Instant search and filters of the activity list (pure, unit-tested).

import type { ActivityView } from './records';

/** What the user typed and picked above the list; empty strings mean "any". */
export interface ActivityFilter {
  query: string;
  status: string;
  legalBasis: string;
  /** A data-category id the activity processes. */
  category: string;
  /** A party id among the activity's recipients. */
  recipient: string;
  /** A destination country (ISO code) of the activity's transfers. */
  country: string;
  /** `overdue`, `soon` (within {@link REVIEW_SOON_DAYS} days) or `unscheduled`. */
  review: string;
}

/** Facts about activities that live in other records or come from the core. */
export interface FilterContext {
  /** Activity id → destination countries of its transfers. */
  destinations: Map<string, string[]>;
  /** Activity id → the date its review falls due (`YYYY-MM-DD`, from the core), or null. */
  reviewDue: Map<string, string | null>;
  /** Today (`YYYY-MM-DD`). */
  today: string;
}

/** "Due soon" means within this many days. */
export const REVIEW_SOON_DAYS = 30;

/** `date` plus `days` days, as `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whether an activity whose review falls due on `due` matches the review filter `which`. */
export function reviewMatches(which: string, due: string | null | undefined, today: string) {
  if (!which) return true;
  if (which === 'unscheduled') return !due;
  if (!due) return false;
  // ISO dates compare as strings; the core counts a review as overdue once its date passed.
  if (which === 'overdue') return due < today;
  if (which === 'soon') return due >= today && due <= addDays(today, REVIEW_SOON_DAYS);
  return true;
}

/** Activity id → destination countries, from the transfer records. */
export function destinationsOf(
  transfers: { activity?: unknown; country?: unknown }[],
): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const t of transfers) {
    if (typeof t.activity !== 'string' || typeof t.country !== 'string') continue;
    const list = map.get(t.activity) ?? [];
    if (!list.includes(t.country)) list.push(t.country);
    map.set(t.activity, list);
  }
  return map;
}

/** The destination countries used by any transfer, sorted. */
export function usedCountries(destinations: Map<string, string[]>): string[] {
  return [...new Set([...destinations.values()].flat())].sort();
}

export const noFilter: ActivityFilter = {
  query: '',
  status: '',
  legalBasis: '',
  category: '',
  recipient: '',
  country: '',
  review: '',
};

/** Whether any filter or search is set. */
export function isFiltered(filter: ActivityFilter): boolean {
  return Object.values(filter).some((value) => value !== '');
}

/** Lower-cases and strips accents so "loeschung"/"Löschung" style typing still finds things. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function haystack(a: ActivityView): string {
  return fold(
    [a.reference, a.name, a.description ?? '', ...a.purposes.map((p) => p.description)].join(
      '\n',
    ),
  );
}

/** The activities matching every word of the query and every chosen filter, in list order. */
export function filterActivities(
  list: ActivityView[],
  filter: ActivityFilter,
  context?: FilterContext,
): ActivityView[] {
  const words = fold(filter.query).split(/\s+/).filter(Boolean);
  return list.filter((a) => {
    if (filter.country && !(context?.destinations.get(a.id) ?? []).includes(filter.country)) {
      return false;
    }
    if (filter.review && !reviewMatches(filter.review, context?.reviewDue.get(a.id), context?.today ?? '')) {
      return false;
    }
    if (filter.status && a.status !== filter.status) return false;
    if (filter.legalBasis && !a.purposes.some((p) => p.legal_basis === filter.legalBasis)) {
      return false;
    }
    if (filter.category && !a.data_categories.some((d) => d.category === filter.category)) {
      return false;
    }
    if (filter.recipient && !a.recipients.some((r) => r.party === filter.recipient)) {
      return false;
    }
    if (words.length === 0) return true;
    const text = haystack(a);
    return words.every((w) => text.includes(w));
  });
}

/** The legal-basis codes used by any purpose, sorted, for the filter's options. */
export function usedLegalBases(list: ActivityView[]): string[] {
  const codes = new Set<string>();
  for (const a of list) for (const p of a.purposes) if (p.legal_basis) codes.add(p.legal_basis);
  return [...codes].sort();
}

/** The ids used by any activity (data categories or recipients), for a filter's options. */
export function usedIds(list: ActivityView[], what: 'category' | 'recipient'): string[] {
  const ids = new Set<string>();
  for (const a of list) {
    if (what === 'category') for (const d of a.data_categories) ids.add(d.category);
    else for (const r of a.recipients) ids.add(r.party);
  }
  return [...ids];
}
