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
}

export const noFilter: ActivityFilter = {
  query: '',
  status: '',
  legalBasis: '',
  category: '',
  recipient: '',
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
export function filterActivities(list: ActivityView[], filter: ActivityFilter): ActivityView[] {
  const words = fold(filter.query).split(/\s+/).filter(Boolean);
  return list.filter((a) => {
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
