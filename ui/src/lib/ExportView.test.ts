import { mockIPC } from '@tauri-apps/api/mocks';
import { describe, expect, it } from 'vitest';
import ExportView from './ExportView.svelte';
import { cleanUpAfterEach, render, settle } from './testing';

cleanUpAfterEach();

const choices = [
  { document: 'controller_record', formats: ['pdf', 'csv'] },
  { document: 'notice', formats: ['markdown', 'html'] },
];

describe('ExportView', () => {
  it('offers the formats the shell lists, exports through the dialog and lists missing facts', async () => {
    const calls: { cmd: string; args: unknown }[] = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      if (cmd === 'export_choices') return choices;
      if (cmd === 'choose_export_file') return '/out/notice.md';
      if (cmd === 'export_document')
        return { path: '/out/notice.md', bytes: 2048, warnings: ['No controller address'] };
      return null;
    });
    const target = await render(ExportView, {});

    const formats = () =>
      [...target.querySelectorAll<HTMLOptionElement>('[data-testid="export-format"] option')].map(
        (o) => o.value,
      );
    expect(formats()).toEqual(['pdf', 'csv']);
    target.querySelector<HTMLInputElement>('[data-testid="export-doc-notice"]')?.click();
    await settle();
    expect(formats()).toEqual(['markdown', 'html']);

    target.querySelector<HTMLButtonElement>('[data-testid="export-run"]')?.click();
    await settle();
    const request = { document: 'notice', format: 'markdown', language: 'en' };
    expect(calls.find((c) => c.cmd === 'choose_export_file')?.args).toEqual({ request });
    expect(calls.find((c) => c.cmd === 'export_document')?.args).toEqual({
      request,
      path: '/out/notice.md',
    });
    expect(target.querySelector('[data-testid="export-result"]')?.textContent).toContain(
      'Saved /out/notice.md (2 KB)',
    );
    expect(target.querySelector('[data-testid="export-warnings"]')?.textContent).toContain(
      'No controller address',
    );
  });

  it('does nothing when the save dialog is cancelled', async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      if (cmd === 'export_choices') return choices;
      return null;
    });
    const target = await render(ExportView, {});
    target.querySelector<HTMLButtonElement>('[data-testid="export-run"]')?.click();
    await settle();
    expect(calls).not.toContain('export_document');
    expect(target.querySelector('[data-testid="export-result"]')).toBeNull();
  });
});
