import { mockIPC } from '@tauri-apps/api/mocks';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import type { Party } from './bindings';
import ServicesView from './ServicesView.svelte';
import { cleanUpAfterEach, render as mountView, settle } from './testing';

type Rec = Record<string, unknown>;
type Request = { kind?: string; id?: string; revision?: number; record?: Rec };

cleanUpAfterEach();

const party = (id: string, name: string): Party => ({
  id,
  name,
  kind: 'entity',
  created_at: '',
  updated_at: '',
  revision: 1,
});
const parties = [party('c1', 'Kunde AG'), party('c2', 'Other GmbH')];
const toms = new Map([
  ['t1', 'Encryption at rest'],
  ['t2', 'Access control'],
]);

/** A fake shell holding processor services, with every call recorded. */
function fakeShell(
  options: { failUpdate?: Rec; failDelete?: Rec; none?: boolean; untranslated?: Rec[] } = {},
) {
  const services: Rec[] = [
    {
      id: 's1',
      controller: 'c1',
      name: 'Hosted ticket system',
      processing_categories: ['Hosting'],
      toms: ['t1'],
      revision: 3,
    },
  ];
  if (options.none) services.length = 0;
  const calls: { cmd: string; request: Request }[] = [];
  mockIPC((cmd, args) => {
    const request = ((args as { request?: Request } | undefined)?.request ?? {}) as Request;
    calls.push({ cmd, request: structuredClone(request) });
    switch (cmd) {
      case 'list_records':
        return request.kind === 'processor_service' ? structuredClone(services) : [];
      case 'insert_record': {
        const record = { ...request.record, id: 'new-1', processing_categories: [], toms: [], revision: 1 };
        services.push(record);
        return record;
      }
      case 'update_record': {
        if (options.failUpdate) throw options.failUpdate;
        const index = services.findIndex((s) => s.id === request.record?.id);
        const saved = { ...request.record, revision: Number(services[index].revision) + 1 };
        services[index] = saved;
        return saved;
      }
      case 'get_record':
        return services.find((s) => s.id === request.id);
      case 'untranslated_texts':
        return options.untranslated ?? [];
      case 'delete_record': {
        if (options.failDelete) throw options.failDelete;
        const index = services.findIndex((s) => s.id === request.id);
        if (services[index].revision !== request.revision)
          throw { code: 'conflict', message: 'changed elsewhere' };
        services.splice(index, 1);
        return null;
      }
      default:
        return null;
    }
  });
  return { services, calls, of: (cmd: string) => calls.filter((c) => c.cmd === cmd) };
}

interface Mounted {
  root: HTMLElement;
  flush: () => Promise<void>;
  toOrganisation: () => number;
  registered: () => boolean;
}

async function render(props: { processor?: boolean; selected?: string } = {}): Promise<Mounted> {
  let queue: { flush: () => Promise<void> } | undefined;
  let organisation = 0;
  const target = await mountView(ServicesView, {
    parties,
    toms,
    processor: props.processor ?? true,
    selected: props.selected,
    registerQueue: (q: { flush: () => Promise<void> } | undefined) => (queue = q),
    onorganisation: () => (organisation += 1),
  });
  return {
    root: target,
    flush: async () => {
      await queue?.flush();
      await settle();
    },
    toOrganisation: () => organisation,
    registered: () => queue !== undefined,
  };
}

const $ = <T extends Element = HTMLElement>(root: HTMLElement, testId: string) =>
  root.querySelector<T>(`[data-testid="${testId}"]`);
const $$ = <T extends Element = HTMLElement>(root: HTMLElement, testId: string) => [
  ...root.querySelectorAll<T>(`[data-testid="${testId}"]`),
];
const texts = (root: HTMLElement, testId: string) =>
  $$(root, testId).map((el) => el.textContent?.trim());

function type(input: HTMLInputElement | HTMLTextAreaElement | null, value: string) {
  if (!input) throw new Error('no input');
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}

function choose(select: HTMLSelectElement | null, value: string) {
  if (!select) throw new Error('no select');
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  flushSync();
}

describe('ServicesView', () => {
  it('lists services with their controller and registers its queue', async () => {
    fakeShell();
    const { root, registered } = await render();
    expect(texts(root, 'service-row-name')).toEqual(['Hosted ticket system']);
    expect(texts(root, 'service-row-controller')).toEqual(['Kunde AG']);
    expect(registered()).toBe(true);
    expect($(root, 'services-not-processor')).toBeNull();
  });

  it('explains what the screen records while there is no service yet', async () => {
    fakeShell({ none: true });
    const { root } = await render();
    expect($(root, 'services-intro')?.textContent).toContain('Art. 30(2)');
    choose($<HTMLSelectElement>(root, 'service-new-controller'), 'c1');
    $<HTMLButtonElement>(root, 'service-new')?.click();
    await settle();
    expect($(root, 'services-intro')).toBeNull();
    expect(texts(root, 'service-row-name')).toEqual(['New service']);
  });

  it('says where to mark the organisation as processor when it is not', async () => {
    fakeShell();
    const { root, toOrganisation } = await render({ processor: false });
    expect($(root, 'services-not-processor')?.textContent).toContain('Art. 30(2)');
    expect($(root, 'services-not-processor')?.textContent).toContain('Organisation');
    // The services are still there to edit.
    expect(texts(root, 'service-row-name')).toEqual(['Hosted ticket system']);
    $(root, 'services-to-organisation')?.click();
    expect(toOrganisation()).toBe(1);
  });

  it('creates a service for the chosen controller and opens it', async () => {
    const shell = fakeShell();
    const { root } = await render();
    const create = $<HTMLButtonElement>(root, 'service-new');
    expect(create?.disabled).toBe(true);
    choose($<HTMLSelectElement>(root, 'service-new-controller'), 'c2');
    expect(create?.disabled).toBe(false);
    create?.click();
    await settle();
    expect(shell.of('insert_record')).toEqual([
      {
        cmd: 'insert_record',
        request: {
          kind: 'processor_service',
          record: { id: '', controller: 'c2', name: 'New service' },
        },
      },
    ]);
    expect(texts(root, 'service-row-name')).toEqual(['Hosted ticket system', 'New service']);
    expect($<HTMLSelectElement>(root, 'service-controller')?.value).toBe('c2');
    expect($<HTMLInputElement>(root, 'service-name-en')?.value).toBe('New service');
  });

  it('saves every field as typed, with the revision read, and leaves blank categories out', async () => {
    const shell = fakeShell();
    const { root, flush } = await render({ selected: 's1' });
    type($(root, 'service-name-en'), 'Ticket hosting');
    type($(root, 'service-description-en'), 'Tickets of the customer');
    type($(root, 'service-controller_representative'), 'Rep Ltd.');
    type($(root, 'service-controller_dpo'), 'dpo@kunde.example');
    type($(root, 'service-agreement'), 'AVV 2024-07');
    choose($<HTMLSelectElement>(root, 'service-controller'), 'c2');
    choose($<HTMLSelectElement>(root, 'service-tom-add'), 't2');
    $(root, 'service-category-add')?.click();
    await settle();
    expect($$<HTMLInputElement>(root, 'service-category-en').map((i) => i.value)).toEqual([
      'Hosting',
      '',
    ]);
    // The new entry has the focus, ready to type into.
    expect(document.activeElement).toBe($$(root, 'service-category-en')[1]);
    // An edit made while the blank entry is there saves the draft with it left out.
    type($(root, 'service-notes'), 'Renewal in spring');
    await flush();

    const first = shell.of('update_record');
    expect(first).toHaveLength(1);
    expect(first[0].request).toEqual({
      kind: 'processor_service',
      record: {
        id: 's1',
        controller: 'c2',
        name: 'Ticket hosting',
        description: 'Tickets of the customer',
        controller_representative: 'Rep Ltd.',
        controller_dpo: 'dpo@kunde.example',
        agreement: 'AVV 2024-07',
        notes: 'Renewal in spring',
        processing_categories: ['Hosting'],
        toms: ['t1', 't2'],
        revision: 3,
      },
    });
    expect(texts(root, 'service-tom')).toEqual(['Encryption at rest ×', 'Access control ×']);
    expect(texts(root, 'save-state')).toEqual(['All changes saved']);
    // The list follows the new name and controller.
    expect(texts(root, 'service-row-name')).toEqual(['Ticket hosting']);
    expect(texts(root, 'service-row-controller')).toEqual(['Other GmbH']);

    type($$<HTMLInputElement>(root, 'service-category-en')[1], 'Support');
    $$(root, 'service-tom')[0].querySelector('button')?.click();
    flushSync();
    await flush();
    const second = shell.of('update_record')[1].request.record;
    expect(second?.processing_categories).toEqual(['Hosting', 'Support']);
    expect(second?.toms).toEqual(['t2']);
    expect(second?.revision).toBe(4);

    $$(root, 'service-category-remove')[0].click();
    type($(root, 'service-controller_dpo'), '');
    await flush();
    const third = shell.of('update_record')[2].request.record;
    expect(third?.processing_categories).toEqual(['Support']);
    expect(third?.controller_dpo).toBeNull();
    expect(third?.revision).toBe(5);
  });

  it('shows the conflict banner when the service changed elsewhere', async () => {
    fakeShell({ failUpdate: { code: 'conflict', message: 'changed elsewhere' } });
    const { root, flush } = await render({ selected: 's1' });
    type($(root, 'service-name-en'), 'Ticket hosting');
    await flush();
    expect($(root, 'conflict-banner')).not.toBeNull();
    expect(texts(root, 'save-state')).toEqual(['Not saved']);
  });

  it("shows the core's error at the category entry it names, counting saved entries only", async () => {
    fakeShell({
      failUpdate: {
        code: 'invalid',
        message: 'processor service `s1`: field `processing_categories[1]`: too long',
        field: 'processing_categories[1]',
        fieldMessage: 'too long',
      },
    });
    const { root, flush } = await render({ selected: 's1' });
    $(root, 'service-category-add')?.click();
    await settle();
    $(root, 'service-category-add')?.click();
    await settle();
    type($$<HTMLInputElement>(root, 'service-category-en')[2], 'Backups');
    await flush();
    // Entries on screen: Hosting, (blank), Backups; saved: Hosting, Backups.
    const inputs = $$<HTMLInputElement>(root, 'service-category-en');
    expect(inputs.map((i) => i.getAttribute('aria-invalid'))).toEqual([null, null, 'true']);
    const errors = [...root.querySelectorAll('[data-testid="service-categories"] .field-error')];
    expect(errors.map((e) => e.textContent)).toEqual(['Field processing_categories[1]: too long']);
    // Shown at the field, so not repeated as a general error.
    expect($(root, 'save-error')).toBeNull();
  });

  it('shows an error about an unknown controller at the controller', async () => {
    fakeShell({
      failUpdate: {
        code: 'missing_reference',
        message: 'processor service `s1`: field `controller` refers to party `gone`, which does not exist',
        field: 'controller',
      },
    });
    const { root, flush } = await render({ selected: 's1' });
    choose($<HTMLSelectElement>(root, 'service-controller'), 'c2');
    await flush();
    expect($(root, 'service-controller')?.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('[data-testid="service-editor"] .field-error')?.textContent).toContain(
      'controller',
    );
  });

  it('saves pending edits before deleting, then deletes with the new revision', async () => {
    const shell = fakeShell();
    const { root } = await render({ selected: 's1' });
    type($(root, 'service-name-en'), 'Ticket hosting');
    $(root, 'service-delete')?.click();
    await settle();
    expect(shell.of('update_record')).toHaveLength(1);
    expect(shell.of('delete_record').map((c) => c.request)).toEqual([
      { kind: 'processor_service', id: 's1', revision: 4 },
    ]);
    expect(shell.services).toEqual([]);
    expect($$(root, 'service-row')).toEqual([]);
    expect($(root, 'service-editor')).toBeNull();
    expect($(root, 'services-error')).toBeNull();
  });

  it('shows why a deletion was refused and keeps the service', async () => {
    fakeShell({
      failDelete: {
        code: 'in_use',
        message: 'processor service “Hosted ticket system” is used by transfer `x1`',
      },
    });
    const { root } = await render({ selected: 's1' });
    $(root, 'service-delete')?.click();
    await settle();
    expect($(root, 'services-error')?.textContent).toContain('transfer `x1`');
    expect(texts(root, 'service-row-name')).toEqual(['Hosted ticket system']);
    expect($(root, 'service-editor')).not.toBeNull();
  });

  it('filters the services whose texts lack a translation', async () => {
    const shell = fakeShell({
      untranslated: [
        { entity: 'processor_service', id: 's1', language: 'de', fields: ['name'] },
        { entity: 'activity', id: 's2', language: 'de', fields: ['name'] },
      ],
    });
    shell.services.push({ id: 's2', controller: 'c2', name: 'Backups', processing_categories: [], toms: [], revision: 1 });
    const { root: target } = await render();
    const names = () => $$(target, 'service-row-name').map((e) => e.textContent);
    expect(names()).toEqual(['Hosted ticket system', 'Backups']);
    const filter = $<HTMLInputElement>(target, 'services-filter-translation');
    expect(filter?.parentElement?.textContent).toContain('(1)');
    filter?.click();
    flushSync();
    expect(names()).toEqual(['Hosted ticket system']);
  });
});
