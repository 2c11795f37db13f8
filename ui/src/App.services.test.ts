// The "As processor" section (Art. 30(2) record) in the app: its place in the sidebar, the
// organisation's processor role, the register's parties and TOMs, and edits flushed on
// navigation.
import { mockIPC } from '@tauri-apps/api/mocks';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import App from './App.svelte';
import { cleanUpAfterEach, render as mountApp, settle } from './lib/testing';

type Request = { kind?: string; id?: string; record?: Record<string, unknown> };

const service = {
  id: 's1',
  controller: 'c1',
  name: 'Hosted ticket system',
  processing_categories: ['Hosting'],
  toms: ['t1'],
  revision: 2,
};

function registerIpc(isProcessor: boolean, calls: { cmd: string; request: Request }[]) {
  return (cmd: string, args?: unknown): unknown => {
    const request = ((args as { request?: Request } | undefined)?.request ?? {}) as Request;
    calls.push({ cmd, request });
    switch (cmd) {
      case 'register_overview':
        return { path: '/data/register.sqlite', organisationName: 'Example GmbH', activities: [] };
      case 'get_organisation':
        return {
          legal_name: 'Example GmbH',
          language: 'en',
          is_processor: isProcessor || undefined,
          revision: 1,
        };
      case 'list_records':
        switch (request.kind) {
          case 'party':
            return [{ id: 'c1', name: 'Kunde AG', revision: 1 }];
          case 'tom':
            return [{ id: 't1', name: 'Encryption at rest', revision: 1 }];
          case 'processor_service':
            return [service];
          default:
            return [];
        }
      case 'update_record':
        return { ...request.record, revision: 3 };
      case 'legal_bases':
      case 'countries':
        return [];
      default:
        return null;
    }
  };
}

cleanUpAfterEach();

async function render(isProcessor: boolean) {
  const calls: { cmd: string; request: Request }[] = [];
  mockIPC(registerIpc(isProcessor, calls));
  const root = await mountApp(App, {});
  return { root, calls };
}

const $ = <T extends Element = HTMLElement>(root: HTMLElement, testId: string) =>
  root.querySelector<T>(`[data-testid="${testId}"]`);

describe('App: processing on behalf of controllers', () => {
  it('has its own section, in English and German', async () => {
    const { root } = await render(true);
    const nav = $(root, 'nav-services');
    expect(nav?.textContent?.trim()).toBe('As processor');
    $(root, 'lang-toggle')?.click();
    flushSync();
    expect(nav?.textContent?.trim()).toBe('Im Auftrag');
  });

  it("lists the services with the register's parties and TOMs; no hint for a processor", async () => {
    const { root } = await render(true);
    $(root, 'nav-services')?.click();
    await settle();
    expect($(root, 'service-row-controller')?.textContent?.trim()).toBe('Kunde AG');
    expect($(root, 'services-not-processor')).toBeNull();
    $(root, 'service-row')?.click();
    await settle();
    expect($(root, 'service-tom')?.textContent).toContain('Encryption at rest');
  });

  it('hints at the processor role when the organisation lacks it, and leads there', async () => {
    const { root } = await render(false);
    $(root, 'nav-services')?.click();
    await settle();
    expect($(root, 'services-not-processor')).not.toBeNull();
    expect($(root, 'service-row')).not.toBeNull();
    $(root, 'services-to-organisation')?.click();
    await settle();
    expect($(root, 'nav-organisation')?.getAttribute('aria-current')).toBe('page');
  });

  it('saves edits at once on Ctrl+S and when the user navigates away', async () => {
    const { root, calls } = await render(true);
    $(root, 'nav-services')?.click();
    await settle();
    $(root, 'service-row')?.click();
    await settle();
    const type = (testId: string, value: string) => {
      const input = $<HTMLInputElement>(root, testId);
      if (!input) throw new Error(`no ${testId}`);
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      flushSync();
    };
    const updates = () => calls.filter((c) => c.cmd === 'update_record').map((c) => c.request);
    type('service-name-en', 'Ticket hosting');
    expect(updates()).toEqual([]);
    // Well within the quiet time of the save queue: only the app's flush of the registered
    // queue saves it.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true }));
    await settle();
    expect(updates().map((r) => [r.kind, r.record?.name])).toEqual([
      ['processor_service', 'Ticket hosting'],
    ]);
    type('service-agreement', 'AVV 7');
    $(root, 'nav-parties')?.click();
    await settle();
    expect(updates().map((r) => r.record?.agreement)).toEqual([undefined, 'AVV 7']);
  });
});
