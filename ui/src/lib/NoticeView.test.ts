import { mockIPC } from '@tauri-apps/api/mocks';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import NoticeView from './NoticeView.svelte';
import { cleanUpAfterEach, render, settle } from './testing';

cleanUpAfterEach();

type Rec = Record<string, unknown>;

/** A shell holding default notice settings and a three-section notice. */
function fakeShell() {
  const saved: Rec[] = [];
  mockIPC((cmd, args) => {
    switch (cmd) {
      case 'get_notice_settings':
        return { id: 'notice', section_order: [], overrides: [], revision: 0 };
      case 'notice_sections':
        return [
          { id: 'general:controller', heading: 'Controller' },
          { id: 'web', heading: 'Website' },
          { id: 'general:rights', heading: 'Your rights' },
        ];
      case 'notice_sentences':
        return [
          { id: 'controller.intro', textEn: 'The controller is:', textDe: 'Verantwortlich ist:' },
        ];
      case 'save_notice_settings': {
        const record = (args as { request: { record: Rec } }).request.record;
        saved.push(structuredClone(record));
        return { ...record, revision: Number(record.revision) + 1 };
      }
      default:
        return null;
    }
  });
  return saved;
}

async function view() {
  let queue: { flush: () => Promise<void> } | undefined;
  const root = await render(NoticeView, {
    registerQueue: (q: { flush: () => Promise<void> } | undefined) => (queue = q),
  });
  return {
    root,
    flush: async () => {
      await queue?.flush();
      await settle();
    },
  };
}

const headings = (root: HTMLElement) =>
  [...root.querySelectorAll('[data-testid="notice-section"] .grow')].map((e) => e.textContent);

describe('NoticeView', () => {
  it('reorders the sections and saves the whole order', async () => {
    const saved = fakeShell();
    const { root, flush } = await view();
    expect(headings(root)).toEqual(['Controller', 'Website', 'Your rights']);
    root.querySelectorAll<HTMLButtonElement>('[data-testid="section-up"]')[1].click();
    flushSync();
    expect(headings(root)).toEqual(['Website', 'Controller', 'Your rights']);
    await flush();
    expect(saved.at(-1)?.section_order).toEqual(['web', 'general:controller', 'general:rights']);
    expect(saved.at(-1)?.revision).toBe(0);
  });

  it('rewords a sentence, showing the template it replaces', async () => {
    const saved = fakeShell();
    const { root, flush } = await view();
    root.querySelector<HTMLButtonElement>('[data-testid="override-add"]')?.click();
    flushSync();
    expect(root.querySelector('[data-testid="override"] .template')?.textContent).toContain(
      'The controller is:',
    );
    const text = root.querySelector<HTMLTextAreaElement>('[data-testid="override-text"]');
    if (!text) throw new Error('no text');
    text.value = 'Responsible for your data is:';
    text.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    expect(saved.at(-1)?.overrides).toEqual([
      {
        section: 'general:controller',
        sentence: 'controller.intro',
        language: 'en',
        text: 'Responsible for your data is:',
      },
    ]);
  });
});
