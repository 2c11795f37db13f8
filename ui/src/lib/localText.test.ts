import { describe, expect, it } from 'vitest';
import { allTexts, languagesOf, shown, textIn, withText } from './localText';

describe('texts in several languages', () => {
  it('reads a plain text as the primary language and an object by language', () => {
    expect(textIn('Newsletter', 'en', 'en')).toBe('Newsletter');
    expect(textIn('Newsletter', 'de', 'en')).toBe('');
    expect(textIn({ en: 'Sending', de: 'Versand' }, 'de', 'en')).toBe('Versand');
    expect(textIn(null, 'en', 'en')).toBe('');
  });

  it('adds a translation to a plain text without losing it, and keeps the others on edit', () => {
    const both = withText('Sending', 'de', 'Versand', 'en');
    expect(both).toEqual({ en: 'Sending', de: 'Versand' });
    expect(withText(both, 'en', 'Sending out', 'en')).toEqual({ en: 'Sending out', de: 'Versand' });
  });

  it('is plain again when only the primary language is left, empty when nothing is', () => {
    expect(withText({ en: 'Sending', de: 'Versand' }, 'de', '', 'en')).toBe('Sending');
    expect(withText('Sending', 'en', '', 'en')).toBe('');
    // A text only in the other language stays an object: it is not the primary text.
    expect(withText('', 'de', 'Versand', 'en')).toEqual({ de: 'Versand' });
  });

  it('shows a name in the interface language, else in the primary one', () => {
    expect(shown({ en: 'E-mail', de: 'E-Mail' }, 'de', 'en')).toBe('E-Mail');
    expect(shown('E-mail', 'de', 'en')).toBe('E-mail');
    expect(shown({ de: 'E-Mail' }, 'en', 'en')).toBe('E-Mail');
  });

  it('searches every language and lists the primary language first', () => {
    expect(allTexts({ en: 'Sending', de: 'Versand' })).toEqual(['Sending', 'Versand']);
    expect(languagesOf('de')).toEqual(['de', 'en']);
  });
});
