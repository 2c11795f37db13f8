// The texts the core finds without their translation (`Register::untranslated`), as the lists'
// "needs translation" filters and the counts read them.

import type { Entity, Untranslated } from './bindings';
import { api } from './ipc';

/** Every record's missing translations; none when the shell cannot say (no register open). */
export async function untranslatedTexts(): Promise<Untranslated[]> {
  try {
    const list = await api.untranslatedTexts();
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

/** The ids of the records of `entity` among `list`. */
export function idsOf(list: readonly Untranslated[], entity: Entity): Set<string> {
  return new Set(list.filter((u) => u.entity === entity).map((u) => u.id));
}
