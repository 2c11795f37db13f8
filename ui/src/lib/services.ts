// Processing on behalf of controllers (the Art. 30(2) record): processor services as the screen
// reads and writes them, and the list editing of their processing categories and TOMs.
//
// The editor keeps the categories as the user sees them, including an entry just added and not
// yet typed into; the core refuses empty entries (`processing_categories[1]: must not be
// empty`), so blank entries are left out of what is saved and the core's index into the saved
// list is mapped back to the entry on screen.

import type { JsonRecord, LocalText, ProcessorService } from './bindings';
import { allTexts } from './localText';

/** A processor service (the core's `ProcessorService`). */
export type ServiceView = ProcessorService;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** A text as the core writes it: a plain string or an object of texts by language. */
const isText = (v: unknown): v is LocalText =>
  typeof v === 'string' ||
  (v !== null && typeof v === 'object' && !Array.isArray(v) &&
    Object.values(v).every((x) => typeof x === 'string'));

const texts = (value: unknown): LocalText[] => (Array.isArray(value) ? value.filter(isText) : []);

/** Reads a service record sent by the core, filling lists the JSON may omit. */
export function asService(record: JsonRecord): ServiceView {
  return {
    ...(record as ServiceView),
    id: String(record.id ?? ''),
    controller: String(record.controller ?? ''),
    name: isText(record.name) ? record.name : '',
    processing_categories: texts(record.processing_categories),
    toms: strings(record.toms),
    revision: Number(record.revision ?? 0),
  };
}

/** The record "New service" inserts: the chosen controller and a name (the core gives the id). */
export function newService(controller: string, name: string): JsonRecord {
  return { id: '', controller, name };
}

const blank = (entry: LocalText) => allTexts(entry).every((t) => t.trim() === '');

/** The categories as they are saved: entries still blank are left out. */
export function categoriesToSave(entries: readonly LocalText[]): LocalText[] {
  return entries.filter((entry) => !blank(entry));
}

/**
 * The record to write for a draft: blank category entries left out, and an emptied name sent as
 * '' (not null) so the core answers "name: must not be empty" rather than a type error.
 */
export function toSave<T extends JsonRecord>(draft: T): T {
  return {
    ...draft,
    name: isText(draft.name) ? draft.name : '',
    processing_categories: categoriesToSave(texts(draft.processing_categories)),
  };
}

const CATEGORY_FIELD = /^processing_categories\[(\d+)\]/;

/**
 * The entry on screen that the core's error field (`processing_categories[2]`, an index into
 * the saved list, which has no blank entries) is about; undefined when it names none.
 */
export function entryOfError(
  entries: readonly LocalText[],
  field: string | undefined,
): number | undefined {
  const match = field ? CATEGORY_FIELD.exec(field) : null;
  if (!match) return undefined;
  let saved = Number(match[1]);
  for (let index = 0; index < entries.length; index += 1) {
    if (blank(entries[index])) continue;
    if (saved === 0) return index;
    saved -= 1;
  }
  return undefined;
}

/** `list` with `id` added at the end, unless it is there already (TOM chips). */
export function addChip(list: readonly string[], id: string): string[] {
  return id === '' || list.includes(id) ? [...list] : [...list, id];
}

/** `list` without `id`. */
export function removeChip(list: readonly string[], id: string): string[] {
  return list.filter((x) => x !== id);
}

/** `entries` with entry `index` removed. */
export function removeEntry<T>(entries: readonly T[], index: number): T[] {
  return entries.filter((_, i) => i !== index);
}
