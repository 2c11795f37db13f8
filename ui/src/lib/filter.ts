// Instant search and filters of the activity list (pure, unit-tested).

import type { ReviewState } from './bindings';
import { allTexts } from './localText';
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
  /** A review status (`overdue`, `soon`, `unscheduled`, …) as the core computes it. */
  review: '' | ReviewState['status'];
  /** Only activities with texts missing in a document language (from the core). */
  translation: boolean;
}

/** Facts about activities that live in other records or come from the core. */
export interface FilterContext {
  /** Activity id → destination countries of its transfers. */
  destinations: Map<string, string[]>;
  /** Activity id → where its review stands today (from the core). */
  reviews: Map<string, ReviewState>;
  /** Ids of the activities with texts missing in a document language. */
  untranslated: Set<string>;
}

/** Whether an activity whose review stands at `state` matches the review filter `which`. */
export function reviewMatches(which: ActivityFilter['review'], state: ReviewState | undefined) {
  return !which || state?.status === which;
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
  translation: false,
};

/** Whether any filter or search is set. */
export function isFiltered(filter: ActivityFilter): boolean {
  return Object.values(filter).some((value) => value !== '' && value !== false);
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
    [
      a.reference,
      ...allTexts(a.name),
      ...allTexts(a.description),
      ...a.purposes.flatMap((p) => allTexts(p.description)),
    ].join('\n'),
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
    if (filter.translation && !context?.untranslated.has(a.id)) return false;
    if (!reviewMatches(filter.review, context?.reviews.get(a.id))) {
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
