import { mockIPC } from '@tauri-apps/api/mocks';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import App from './App.svelte';
import type { RegisterOverview } from './lib/bindings';
import { cleanUpAfterEach, render as mountApp, settle } from './lib/testing';

const activityRecords = [
  {
    id: 'a1',
    reference: 'PA-001',
    name: 'Payroll',
    status: 'active',
    revision: 3,
    purposes: [{ id: 'p1', description: 'Paying salaries', legal_basis: 'ART6_1_B' }],
  },
  {
    id: 'a2',
    reference: 'PA-002',
    name: 'Applicant management',
    status: 'draft',
    revision: 1,
    purposes: [{ id: 'p2', description: 'Hiring', legal_basis: 'ART6_1_A' }],
  },
];

/** Answers the app's start-up commands like a register with two activities. */
function registerIpc(cmd: string, args?: unknown): unknown {
  const request = (args as { request?: { kind?: string } } | undefined)?.request;
  switch (cmd) {
    case 'register_overview':
      return overview;
    case 'get_organisation':
      return { legal_name: 'Example GmbH', country: 'DE', language: 'en', revision: 1 };
    case 'list_records':
      return request?.kind === 'activity' ? activityRecords : [];
    case 'legal_bases':
      return [];
    default:
      return undefined;
  }
}

const overview: RegisterOverview = {
  path: '/data/register.sqlite',
  organisationName: 'Example GmbH',
  activities: [
    { id: 'a1', reference: 'PA-001', name: 'Payroll', status: 'active' },
    { id: 'a2', reference: 'PA-002', name: 'Applicant management', status: 'draft' },
  ],
};

cleanUpAfterEach();

const render = () => mountApp(App, {});

const texts = (root: HTMLElement, testId: string) =>
  [...root.querySelectorAll(`[data-testid="${testId}"]`)].map((el) => el.textContent?.trim());

describe('App', () => {
  it('shows the organisation and its activities', async () => {
    mockIPC(registerIpc);
    const root = await render();
    expect(texts(root, 'organisation-name')).toEqual(['Example GmbH']);
    expect(texts(root, 'activity-name')).toEqual(['Payroll', 'Applicant management']);
    expect(texts(root, 'activity-reference')).toEqual(['PA-001', 'PA-002']);
    expect(texts(root, 'activity-status')).toEqual(['Active', 'Draft']);
    expect(texts(root, 'activity-count')).toEqual(['2 activities']);
  });

  it('shows the start screen with the recent registers when none is open', async () => {
    mockIPC((cmd) => {
      if (cmd === 'recent_registers')
        return [
          { path: '/r/a.ropa', organisation: 'A GmbH', openedAt: '2026-01-02T10:00:00Z', missing: false },
          { path: '/r/gone.ropa', organisation: 'Gone AG', openedAt: '2026-01-01T10:00:00Z', missing: true },
        ];
      throw { code: 'register_not_open', message: 'No register is open.' };
    });
    const root = await render();
    expect(root.querySelector('[data-testid="start-screen"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="load-error"]')).toBeNull();
    expect(texts(root, 'recent-organisation')).toEqual(['A GmbH', 'Gone AG']);
    expect(texts(root, 'recent-missing')).toEqual(['File not found']);
    const buttons = root.querySelectorAll<HTMLButtonElement>('[data-testid="recent-open"]');
    expect([...buttons].map((b) => b.disabled)).toEqual([false, true]);
    expect(root.querySelector('[data-testid="start-duplicate"]')).toBeNull();
  });

  it('explains on the start screen why the start-up register did not open', async () => {
    mockIPC((cmd) => {
      if (cmd === 'recent_registers') return [];
      throw {
        code: 'register_not_open',
        message: 'The register could not be opened: /x.ropa: no such file',
        reason: 'io',
      };
    });
    const root = await render();
    const alert = root.querySelector('[data-testid="load-error"]');
    expect(alert?.textContent).toContain('No register is open');
    expect(alert?.textContent).toContain('/x.ropa: no such file');
    expect(alert?.textContent).toContain('register_not_open');
    expect(root.querySelector('[data-testid="start-screen"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="organisation-name"]')).toBeNull();
    expect(root.querySelector('[data-testid="load-error"] button')).toBeNull();
  });

  it('offers to try again after other errors, and recovers', async () => {
    let calls = 0;
    mockIPC((cmd, args) => {
      // The first call loading the register fails (the language report is not a load).
      if (cmd === 'set_ui_language') return null;
      calls += 1;
      if (calls === 1) throw { code: 'database', message: 'database is locked' };
      return registerIpc(cmd, args);
    });
    const root = await render();
    expect(root.querySelector('[data-testid="load-error"]')?.textContent).toContain(
      'database is locked',
    );
    root.querySelector<HTMLButtonElement>('[data-testid="load-error"] button')?.click();
    await settle();
    expect(calls).toBeGreaterThan(2);
    expect(texts(root, 'organisation-name')).toEqual(['Example GmbH']);
  });
});

describe('App screens', () => {
  it('tells the shell the interface language, at start and when it changes', async () => {
    const reported: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === 'set_ui_language') {
        reported.push((args as { request: { language: string } }).request.language);
        return null;
      }
      return registerIpc(cmd, args);
    });
    const root = await render();
    root.querySelector<HTMLButtonElement>('[data-testid="lang-toggle"]')?.click();
    await settle();
    expect(reported[0]).toBe('en');
    expect(reported.at(-1)).toBe('de');
  });


  it('filters activities as the user types and switches the UI to German', async () => {
    mockIPC(registerIpc);
    const root = await render();
    const search = root.querySelector<HTMLInputElement>('[data-testid="activity-search"]');
    if (!search) throw new Error('no search field');
    search.value = 'applicant';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    expect(texts(root, 'activity-name')).toEqual(['Applicant management']);
    expect(texts(root, 'activity-count')).toEqual(['1 of 2 shown']);

    root.querySelector<HTMLButtonElement>('[data-testid="lang-toggle"]')?.click();
    flushSync();
    expect(texts(root, 'activity-count')).toEqual(['1 von 2 angezeigt']);
    expect(texts(root, 'activity-status')).toEqual(['Entwurf']);
    expect(texts(root, 'nav-parties')).toEqual(['Beteiligte']);
  });

  it('shows a conflict banner when saving an edited activity fails with conflict', async () => {
    mockIPC((cmd, args) => {
      if (cmd === 'get_record') return activityRecords[0];
      if (cmd === 'update_record') throw { code: 'conflict', message: 'changed elsewhere' };
      return registerIpc(cmd, args);
    });
    const root = await render();
    root.querySelector<HTMLElement>('[data-testid="activity-row"]')?.click();
    await settle();
    const name = root.querySelector<HTMLInputElement>('[data-testid="edit-name-en"]');
    if (!name) throw new Error('no name field');
    name.value = 'Payroll (new)';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    // Ctrl+S saves at once instead of waiting for the quiet time.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true }));
    await settle();
    await settle();
    expect(root.querySelector('[data-testid="conflict-banner"]')?.textContent).toContain(
      'changed elsewhere',
    );
    expect(root.querySelector('[data-testid="conflict-reload"]')).not.toBeNull();
  });
});
