import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import App from './App.svelte';
import type { RegisterOverview } from './lib/bindings';

const overview: RegisterOverview = {
  path: '/data/register.sqlite',
  organisationName: 'Example GmbH',
  activities: [
    { id: 'a1', reference: 'PA-001', name: 'Payroll', status: 'active' },
    { id: 'a2', reference: 'PA-002', name: 'Applicant management', status: 'draft' },
  ],
};

let app: ReturnType<typeof mount> | undefined;

afterEach(() => {
  if (app) unmount(app);
  app = undefined;
  document.body.innerHTML = '';
  clearMocks();
});

async function render(): Promise<HTMLElement> {
  const target = document.createElement('div');
  document.body.append(target);
  app = mount(App, { target });
  await settle();
  return target;
}

/** Lets pending IPC promises resolve, then applies the resulting state changes. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  flushSync();
}

const texts = (root: HTMLElement, testId: string) =>
  [...root.querySelectorAll(`[data-testid="${testId}"]`)].map((el) => el.textContent?.trim());

describe('App', () => {
  it('shows the organisation and its activities', async () => {
    mockIPC((cmd) => (cmd === 'register_overview' ? overview : undefined));
    const root = await render();
    expect(texts(root, 'organisation-name')).toEqual(['Example GmbH']);
    expect(texts(root, 'activity-name')).toEqual(['Payroll', 'Applicant management']);
    expect(texts(root, 'activity-reference')).toEqual(['PA-001', 'PA-002']);
    expect(texts(root, 'activity-status')).toEqual(['Active', 'Draft']);
    expect(texts(root, 'activity-count')).toEqual(['2 activities']);
  });

  it('explains when no register is open', async () => {
    mockIPC(() => {
      throw { code: 'register_not_open', message: 'No register is open.' };
    });
    const root = await render();
    const alert = root.querySelector('[data-testid="load-error"]');
    expect(alert?.textContent).toContain('No register is open');
    expect(alert?.textContent).toContain('register_not_open');
    expect(root.querySelector('[data-testid="organisation-name"]')).toBeNull();
    expect(root.querySelector('button')).toBeNull();
  });

  it('offers to try again after other errors, and recovers', async () => {
    let calls = 0;
    mockIPC(() => {
      calls += 1;
      if (calls === 1) throw { code: 'database', message: 'database is locked' };
      return overview;
    });
    const root = await render();
    expect(root.querySelector('[data-testid="load-error"]')?.textContent).toContain(
      'database is locked',
    );
    root.querySelector('button')?.click();
    await settle();
    expect(calls).toBe(2);
    expect(texts(root, 'organisation-name')).toEqual(['Example GmbH']);
  });
});
