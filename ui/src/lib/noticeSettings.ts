// The notice settings as the Notice screen edits them: the section order and the sentence
// overrides (see `NoticeSettings` in the core).

import type { SentenceOverride } from './bindings';

export type { SentenceOverride };

/** The ids in their new order after moving the one at `index` by `step` (-1 up, +1 down). */
export function moveSection(ids: string[], index: number, step: -1 | 1): string[] {
  const to = index + step;
  if (index < 0 || index >= ids.length || to < 0 || to >= ids.length) return ids;
  const next = [...ids];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

/** A new override: the first section and sentence offered, in the interface language. */
export function newOverride(
  sections: { id: string }[],
  sentences: { id: string }[],
  language: 'en' | 'de',
): SentenceOverride {
  return { section: sections[0]?.id ?? '', sentence: sentences[0]?.id ?? '', language, text: '' };
}
