// The open register's primary language (the language of its plain texts), shared by every
// component that shows or edits a register text, and how lists show such a text: in the
// interface language where the register has it, else in the primary language.

import type { Language, LocalText } from './bindings';
import { locale } from './locale.svelte';
import { shown } from './localText';

export const registerLanguage = $state<{ primary: Language }>({ primary: 'en' });

/** A register text as a list, heading or message shows it. */
export function display(value: LocalText | null | undefined): string {
  return shown(value, locale.lang, registerLanguage.primary);
}
