import { describe, expect, it } from 'vitest';
import { type Key, langFrom, messages, placeholders, translate } from './i18n';

describe('i18n', () => {
  it('has every key in German with the same placeholders', () => {
    for (const key of Object.keys(messages.en) as Key[]) {
      expect(messages.de[key], key).toBeTruthy();
      expect(placeholders(messages.de[key]), key).toEqual(placeholders(messages.en[key]));
    }
    expect(Object.keys(messages.de).sort()).toEqual(Object.keys(messages.en).sort());
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'activities.shown', { shown: 2, total: 5 })).toBe('2 of 5 shown');
    expect(translate('de', 'activities.shown', { shown: 2, total: 5 })).toBe(
      '2 von 5 angezeigt',
    );
    expect(translate('en', 'activities.shown', { shown: 2 })).toBe('2 of {total} shown');
  });

  it('reads the UI language from a document-language code', () => {
    expect(langFrom('de')).toBe('de');
    expect(langFrom('en')).toBe('en');
    expect(langFrom(undefined)).toBe('en');
  });
});
