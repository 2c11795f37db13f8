// The parts of the core's record JSON the UI reads and edits. Records cross IPC in the core's
// own shape (the interchange format of one record, `JsonRecord` in the bindings); these views
// name only the fields the screens use, everything else is carried along untouched.

import type { JsonRecord } from './bindings';

/** One purpose of an activity, with its own Art. 6(1) basis. */
export interface PurposeView {
  id: string;
  description: string;
  legal_basis?: string | null;
  [field: string]: unknown;
}

/** A processing activity as the editor sees it. */
export interface ActivityView extends JsonRecord {
  id: string;
  reference: string;
  name: string;
  description?: string | null;
  status: 'draft' | 'active' | 'retired';
  revision: number;
  purposes: PurposeView[];
  data_categories: { category: string; [field: string]: unknown }[];
  recipients: { party: string; role?: string; [field: string]: unknown }[];
}

/** A party as the list and editor see it. */
export interface PartyView extends JsonRecord {
  id: string;
  name: string;
  country?: string | null;
  address?: string | null;
  revision: number;
}

/** A catalogue entry (data category, subject category, TOM). */
export interface CatalogueEntryView extends JsonRecord {
  id: string;
  name: string;
  revision: number;
}

/** Reads activity records sent by the core, filling lists the JSON may omit. */
export function asActivity(record: JsonRecord): ActivityView {
  const a = record as Partial<ActivityView>;
  return {
    ...record,
    id: String(a.id ?? ''),
    reference: String(a.reference ?? ''),
    name: String(a.name ?? ''),
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
