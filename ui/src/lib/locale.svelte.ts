// The UI language, shared by every component (Svelte 5 state).

import { type Key, type Lang, translate } from './i18n';

export const locale = $state<{ lang: Lang }>({ lang: 'en' });

/** Translates `key` into the current UI language. */
export function t(key: Key, vars?: Record<string, string | number>): string {
  return translate(locale.lang, key, vars);
}
