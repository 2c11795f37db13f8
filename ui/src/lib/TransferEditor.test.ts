import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { QueueGroup } from './editing.svelte';
import { cleanUpAfterEach, mockShell, render, settle } from './testing';
import TransferEditor from './TransferEditor.svelte';

cleanUpAfterEach();

type Rec = Record<string, unknown>;

/** A shell that stores what the editor saves and offers the DPF for the US. */
function fakeShell() {
  const saved: Rec[] = [];
  mockShell({
    transfer_options: () => ({
      country: {
        code: 'US',
        name_en: 'United States',
        name_de: 'Vereinigte Staaten',
        status: 'third_country',
        adequacy: [],
        note_en: '',
        note_de: '',
      },
      chapter_v: true,
      mechanisms: [
        {
          kind: 'scc',
          decision: null,
          label_en: 'Standard contractual clauses',
          label_de: 'Standardvertragsklauseln',
          citation_en: 'Art. 46(2)(c) GDPR',
          citation_de: 'Art. 46 Abs. 2 lit. c DSGVO',
          reason_en: 'Appropriate safeguard.',
          reason_de: 'Geeignete Garantie.',
          restricted: false,
          template: { type: 'scc', module: 'SCC_2021_914_M2' },
        },
      ],
      fields: {
        scc: [
          { name: 'module', input: 'scc_module', required: true },
          { name: 'signed_on', input: 'date', required: false },
        ],
        dpf: [
          { name: 'participant', input: 'text', required: false },
          { name: 'checked_on', input: 'date', required: false },
        ],
      },
      scc_modules: [
        { code: 'SCC_2021_914_M1', label_en: 'Module 1', label_de: 'Modul 1', citation_en: '', citation_de: '' },
        { code: 'SCC_2021_914_M2', label_en: 'Module 2', label_de: 'Modul 2', citation_en: '', citation_de: '' },
      ],
      derogations: [],
    }),
    update_record: ({ request }) => {
      const record = { ...request.record, revision: saved.length + 2 };
      saved.push(record);
      return record;
    },
  });
  return saved;
}

async function editor(record: Rec) {
  const group = new QueueGroup();
  const root = await render(TransferEditor, {
    record: { id: 't1', party: 'p1', country: 'US', revision: 1, ...record },
    countries: [],
    activities: new Map([['a1', 'WEB-01 Website']]),
    services: new Map([['s1', 'Hosting (Kunde AG)']]),
    group,
    ondelete: () => {},
  });
  return { root, flush: () => group.flush() };
}

function choose(select: HTMLSelectElement | null, value: string) {
  if (!select) throw new Error('no select');
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  flushSync();
}

describe('TransferEditor', () => {
  it('belongs to an activity or to a service performed as processor, never both', async () => {
    const saved = fakeShell();
    const { root, flush } = await editor({ activity: 'a1' });
    const owner = root.querySelector<HTMLSelectElement>('[data-testid="transfer-activity"]');
    expect(owner?.value).toBe('a:a1');
    expect([...(owner?.querySelectorAll('optgroup') ?? [])].map((g) => g.label)).toEqual([
      'Activities (as controller)',
      'Services (as processor)',
    ]);

    choose(owner, 's:s1');
    await flush();
    await settle();
    expect(saved.at(-1)).toMatchObject({ service: 's1', activity: null });

    choose(owner, 'a:a1');
    await flush();
    expect(saved.at(-1)).toMatchObject({ activity: 'a1', service: null });
  });

  it('keeps an international organisation editable while a country is also set', async () => {
    fakeShell();
    const { root } = await editor({ international_organisation: 'WHO' });
    const field = root.querySelector<HTMLInputElement>('[data-testid="transfer-organisation"]');
    expect(field?.value).toBe('WHO');
  });

  it('records a picked mechanism as the core’s template and shows the fields the core lists', async () => {
    const saved = fakeShell();
    const { root, flush } = await editor({ activity: 'a1' });
    await settle();
    choose(root.querySelector('[data-testid="transfer-mechanism"]'), 'scc');
    await flush();
    expect(saved.at(-1)?.mechanism).toEqual({ type: 'scc', module: 'SCC_2021_914_M2' });
    const module = root.querySelector<HTMLSelectElement>('[data-testid="transfer-field-module"]');
    expect(module?.value).toBe('SCC_2021_914_M2');
    expect([...(module?.options ?? [])].map((o) => o.value)).toEqual(['SCC_2021_914_M1', 'SCC_2021_914_M2']);
    const signed = root.querySelector<HTMLInputElement>('[data-testid="transfer-field-signed_on"]');
    expect(signed?.placeholder).toBe('YYYY-MM-DD');
    expect(root.querySelector('[data-testid="transfer-field-participant"]')).toBeNull();
  });

  it('keeps the fields of a recorded mechanism the destination does not offer', async () => {
    const saved = fakeShell();
    const { root, flush } = await editor({
      activity: 'a1',
      mechanism: { type: 'dpf', participant: 'Mailer Inc.' },
    });
    await settle();
    const participant = root.querySelector<HTMLInputElement>(
      '[data-testid="transfer-field-participant"]',
    );
    expect(participant?.value).toBe('Mailer Inc.');
    participant!.value = '';
    participant!.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    await flush();
    // An emptied optional field is recorded as absent, not as an empty text.
    expect(saved.at(-1)?.mechanism).toEqual({ type: 'dpf', participant: null });
  });
});
