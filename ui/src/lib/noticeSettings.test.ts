import { describe, expect, it } from 'vitest';
import { moveSection, newOverride } from './noticeSettings';

describe('notice settings', () => {
  const ids = ['general:controller', 'web', 'newsletter', 'general:rights'];

  it('moves a section up or down by one place', () => {
    expect(moveSection(ids, 2, -1)).toEqual([
      'general:controller',
      'newsletter',
      'web',
      'general:rights',
    ]);
    expect(moveSection(ids, 0, 1)).toEqual([
      'web',
      'general:controller',
      'newsletter',
      'general:rights',
    ]);
    expect(ids[1]).toBe('web');
  });

  it('leaves the order alone at either end', () => {
    expect(moveSection(ids, 0, -1)).toBe(ids);
    expect(moveSection(ids, 3, 1)).toBe(ids);
  });

  it('starts an override on the first section and sentence, in the interface language', () => {
    expect(newOverride([{ id: 'general:controller' }], [{ id: 'controller.intro' }], 'de')).toEqual({
      section: 'general:controller',
      sentence: 'controller.intro',
      language: 'de',
      text: '',
    });
  });
});
