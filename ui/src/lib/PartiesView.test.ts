import { describe, expect, it } from 'vitest';
import type { Party } from './bindings';
import PartiesView from './PartiesView.svelte';
import { cleanUpAfterEach, mockShell, render, settle } from './testing';

cleanUpAfterEach();

const party = (id: string, name: Party['name'], kind: Party['kind'] = 'entity'): Party => ({
  id,
  name,
  kind,
  created_at: '',
  updated_at: '',
  revision: 1,
});

describe('PartiesView', () => {
  it('filters the parties whose texts lack a translation: its own name or its records', async () => {
    mockShell({
      list_records: ({ request }) =>
        request.kind === 'agreement'
          ? [{ id: 'g1', party: 'mailer', status: 'signed', revision: 1 }]
          : [],
      untranslated_texts: () => [
        { entity: 'party', id: 'tax', language: 'de', fields: ['name'] },
        { entity: 'agreement', id: 'g1', language: 'de', fields: ['subject_matter'] },
        { entity: 'activity', id: 'mailer', language: 'de', fields: ['name'] },
      ],
    });
    const parties = [
      party('mailer', 'Mailer Inc.'),
      party('tax', 'Tax authorities', 'category'),
      party('bank', { en: 'Banks', de: 'Banken' }, 'category'),
    ];
    const root = await render(PartiesView, {
      parties,
      selected: undefined,
      onsaved: () => {},
      registerQueue: () => {},
    });
    await settle();
    const rows = () =>
      [...root.querySelectorAll('[data-testid="party-row"] .name')].map((e) => e.textContent);
    expect(rows()).toEqual(['Mailer Inc.', 'Tax authorities', 'Banks']);
    const filter = root.querySelector<HTMLInputElement>('[data-testid="parties-filter-translation"]');
    expect(filter?.parentElement?.textContent).toContain('(2)');
    filter?.click();
    await settle();
    expect(rows()).toEqual(['Mailer Inc.', 'Tax authorities']);
  });
});
