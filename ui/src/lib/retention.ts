// Retention rules as the editors change them: the core's `Retention` (a period counted from a
// trigger, criteria in words, or a statutory duty from the reference data). Incomplete values are
// passed on as they are (an empty period, empty criteria); the core names the field to complete.

import type { Language, LocalText, PeriodUnit, Retention } from './bindings';
import { joinTexts } from './localText';

export type { Retention };
export type Unit = PeriodUnit;
export const UNITS: Unit[] = ['hours', 'days', 'weeks', 'months', 'years'];

export type RetentionKind = Retention['kind'];

/** Reads a stored value; anything that is not a retention rule counts as none. */
export function asRetention(value: unknown): Retention | null {
  if (!value || typeof value !== 'object') return null;
  const kind = (value as { kind?: unknown }).kind;
  return kind === 'period' || kind === 'criteria' || kind === 'statutory' || kind === 'unlimited'
    ? (value as Retention)
    : null;
}


/**
 * The rule after the user picked another kind (`''`: none). What the old rule said in words is
 * kept where the new kind has room for it: the note moves between period and statutory duty,
 * criteria become the note and a note becomes the criteria, so switching back and forth loses
 * nothing typed. A new statutory duty starts with `firstRule`.
 */
export function switchKind(
  current: Retention | null,
  kind: RetentionKind | '',
  firstRule = '',
  primary: Language = 'en',
): Retention | null {
  if (kind === '') return null;
  if (current?.kind === kind) return current;
  const said: LocalText =
    current?.kind === 'criteria'
      ? current.text
      : current
        ? joinTexts([current.kind === 'period' ? current.trigger : null, current.note], '; ', primary)
        : '';
  const note = said === '' ? null : said;
  switch (kind) {
    case 'period':
      return { kind, amount: 0, unit: 'months', note };
    case 'criteria':
      return { kind, text: said };
    case 'statutory':
      return { kind, rule: firstRule, note };
    case 'unlimited':
      return { kind, note };
  }
}

/** The rule with one field changed; an emptied optional text is removed (`null`). */
export function withField(current: Retention, field: string, value: string | LocalText): Retention {
  if (typeof value !== 'string') return { ...current, [field]: value } as Retention;
  if (field === 'amount') {
    const amount = Number.parseInt(value, 10);
    return { ...current, amount: Number.isFinite(amount) && amount > 0 ? amount : 0 } as Retention;
  }
  if (field === 'text') return { ...current, text: value } as Retention;
  if (field === 'unit' || field === 'rule') return { ...current, [field]: value } as Retention;
  return { ...current, [field]: value.trim() === '' ? null : value } as Retention;
}
