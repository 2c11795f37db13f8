// Records as the core sends them: the types are generated from the core's model (bindings/).
// Records cross IPC as `JsonRecord` (the interchange format of one record); these helpers read
// them as the core's types and make what a new record starts with.

import type {
  Activity,
  DataCategory,
  JsonRecord,
  Party,
  Purpose,
  SubjectCategory,
  Tom,
} from './bindings';

/** One purpose of an activity, with its own Art. 6(1) basis (the core's `Purpose`). */
export type PurposeView = Purpose;

/** A processing activity (the core's `Activity`). */
export type ActivityView = Activity;

/** A party (the core's `Party`). */
export type PartyView = Party;

/** A catalogue entry (data category, subject category, TOM). */
export type CatalogueEntryView = DataCategory | SubjectCategory | Tom;

/** Reads activity records sent by the core, filling lists the JSON may omit. */
export function asActivity(record: JsonRecord): ActivityView {
  const a = record as Partial<ActivityView>;
  return {
    ...(record as ActivityView),
    id: String(a.id ?? ''),
    reference: String(a.reference ?? ''),
    name: a.name ?? '',
    status: (a.status ?? 'draft') as ActivityView['status'],
    revision: Number(a.revision ?? 0),
    purposes: a.purposes ?? [],
    data_categories: a.data_categories ?? [],
    recipients: a.recipients ?? [],
  };
}

/** A reference code not used yet: `NEW-01`, `NEW-02`, … */
export function nextReference(list: { reference: string }[]): string {
  const used = new Set(list.map((a) => a.reference.toUpperCase()));
  for (let n = 1; ; n += 1) {
    const candidate = `NEW-${String(n).padStart(2, '0')}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** An id for a new purpose, unique within the activity (`purpose-1`, `purpose-2`, …). */
export function newPurposeId(purposes: { id: string }[]): string {
  const used = new Set(purposes.map((p) => p.id));
  for (let n = purposes.length + 1; ; n += 1) {
    if (!used.has(`purpose-${n}`)) return `purpose-${n}`;
  }
}
