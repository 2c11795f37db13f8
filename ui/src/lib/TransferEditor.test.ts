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
        nameEn: 'United States',
        nameDe: 'Vereinigte Staaten',
        status: 'third_country',
        adequacy: [],
        noteEn: '',
        noteDe: '',
      },
      chapterV: true,
      mechanisms: [],
      sccModules: [],
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
});
