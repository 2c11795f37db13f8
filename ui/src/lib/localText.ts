// Texts in several languages as the editors change them: the core's `LocalText`, a plain string
// (written in the organisation's primary language) or an object of texts by language. The
// editors change one language at a time and leave the others as they are; the rule mirrors
// `LocalText::set` in the core (a text left with the primary language only is plain again).

import type { Language, LocalText } from './bindings';

/** The text of `lang` ('' when the register holds none in it). */
export function textIn(value: LocalText | null | undefined, lang: Language, primary: Language): string {
  if (value == null) return '';
  if (typeof value === 'string') return lang === primary ? value : '';
  return value[lang] ?? '';
}

/** `value` with the text of `lang` set to `text` (removed when empty). */
export function withText(
  value: LocalText | null | undefined,
  lang: Language,
  text: string,
  primary: Language,
): LocalText {
  const map: Partial<Record<Language, string>> =
    value == null ? {} : typeof value === 'string' ? (value ? { [primary]: value } : {}) : { ...value };
  if (text === '') delete map[lang];
  else map[lang] = text;
  const langs = Object.keys(map) as Language[];
  if (langs.length === 0) return '';
  if (langs.length === 1 && langs[0] === primary) return map[primary] ?? '';
  return map;
}

/** Every text it holds, in any language (for searching). */
export function allTexts(value: LocalText | null | undefined): string[] {
  if (value == null) return [];
  return typeof value === 'string' ? [value] : Object.values(value).filter((t): t is string => !!t);
}

/** The languages a document can be written in, the primary one first. */
export function languagesOf(primary: Language): Language[] {
  return primary === 'de' ? ['de', 'en'] : ['en', 'de'];
}

/** The text to show in `lang`: its own, else the primary language's, else any. */
export function shown(value: LocalText | null | undefined, lang: Language, primary: Language): string {
  return textIn(value, lang, primary) || textIn(value, primary, primary) || allTexts(value)[0] || '';
}

/**
 * Texts joined with `separator`, language by language (blank ones left out): what a retention
 * rule said in two fields when it moves into one. Plain texts are the primary language's.
 */
export function joinTexts(
  values: readonly (LocalText | null | undefined)[],
  separator: string,
  primary: Language,
): LocalText {
  const present = values.filter((v): v is LocalText => v != null && allTexts(v).some((t) => t.trim()));
  if (present.every((v) => typeof v === 'string')) {
    return (present as string[]).map((v) => v.trim()).join(separator);
  }
  let out: LocalText = '';
  for (const lang of languagesOf(primary)) {
    const text = present
      .map((v) => textIn(v, lang, primary).trim())
      .filter(Boolean)
      .join(separator);
    out = withText(out, lang, text, primary);
  }
  return out;
}
