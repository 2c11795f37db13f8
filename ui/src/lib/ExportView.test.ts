import { mockIPC } from '@tauri-apps/api/mocks';
import { describe, expect, it } from 'vitest';
import type { DocOption, DocumentChoice, ExportOutcome, FormatChoice, JsonRecord } from './bindings';
import ExportView from './ExportView.svelte';
import { cleanUpAfterEach, render, settle } from './testing';

cleanUpAfterEach();

const format = (f: FormatChoice['format'], options: DocOption[], more?: Partial<FormatChoice>) => ({
  format: f,
  options,
  tables: [],
  presets: [],
  ...more,
});

const choices: DocumentChoice[] = [
  {
    document: 'controller_record',
    selects: 'activities',
    formats: [
      format('pdf', ['language', 'selection']),
      format('csv', ['language', 'selection', 'table', 'preset', 'delimiter'], {
        tables: ['activities', 'processors', 'transfers', 'joint'],
        presets: ['art30', 'ico', 'cnil'],
      }),
    ],
  },
  {
    document: 'notice',
    selects: 'activities',
    formats: [format('markdown', ['language', 'selection', 'final']), format('html', ['language'])],
  },
  { document: 'checks_report', selects: null, formats: [format('pdf', ['language', 'check_date'])] },
];

const outcome = (path: string, warnings: string[]): ExportOutcome => ({
  path,
  bytes: 2048,
  warnings: warnings.map((message) => ({ section: 'general:controller', message })),
  facts: { language: 'en', items: 1, revision: 3, sha256: null },
});

describe('ExportView', () => {
  it('offers the formats the shell lists, exports through the dialog and lists missing facts', async () => {
    const calls: { cmd: string; args: unknown }[] = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      if (cmd === 'export_choices') return choices;
      if (cmd === 'choose_export_file') return '/out/notice.md';
      if (cmd === 'export_document') return outcome('/out/notice.md', ['No controller address']);
      if (cmd === 'notice_sections') return [];
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
      if (cmd === 'list_records') return [];
      return null;
    });
    const target = await render(ExportView, {});
    target.querySelector<HTMLButtonElement>('[data-testid="export-run"]')?.click();
    await settle();
    expect(calls).not.toContain('export_document');
    expect(target.querySelector('[data-testid="export-result"]')).toBeNull();
  });

  it('sends the annex, a selection of activities, the final notice and a check date', async () => {
    const requests: unknown[] = [];
    const activities: JsonRecord[] = [
      { id: 'a1', reference: 'HR-01', name: 'Payroll' },
      { id: 'a2', reference: 'WEB-02', name: 'Newsletter' },
    ];
    mockIPC((cmd, args) => {
      if (cmd === 'export_choices') return choices;
      if (cmd === 'list_records') return activities;
      if (cmd === 'notice_sections')
        return [
          { id: 'general:controller', heading: 'Controller' },
          { id: 'a2', heading: 'Newsletter' },
        ];
      if (cmd === 'choose_export_file') {
        requests.push((args as { request: unknown }).request);
        return '/out/file';
      }
      if (cmd === 'export_document') return outcome('/out/file', []);
      return null;
    });
    const target = await render(ExportView, {});
    const q = <T extends Element>(id: string) => target.querySelector<T>(`[data-testid="${id}"]`);
    const pick = async (id: string, value: string) => {
      const select = q<HTMLSelectElement>(id)!;
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await settle();
    };
    const tick = async (id: string) => {
      q<HTMLInputElement>(id)!.click();
      await settle();
    };
    const exportNow = async () => {
      q<HTMLButtonElement>('export-run')!.click();
      await settle();
    };

    // PDF has no table, preset or delimiter; CSV has all three.
    expect(q('export-table')).toBeNull();
    await pick('export-format', 'csv');
    await pick('export-table', 'transfers');
    // The presets belong to the record's own table, not to its annexes.
    expect(q('export-preset')).toBeNull();
    await tick('export-some');
    const boxes = target.querySelectorAll<HTMLInputElement>('[data-testid="export-selection"] input');
    expect([...boxes].map((b) => b.parentElement?.textContent?.trim())).toEqual([
      'HR-01 Payroll',
      'WEB-02 Newsletter',
    ]);
    // Nothing ticked: nothing to export.
    expect(q<HTMLButtonElement>('export-run')!.disabled).toBe(true);
    boxes[1].click();
    await settle();
    await exportNow();
    expect(requests.at(-1)).toEqual({
      document: 'controller_record',
      format: 'csv',
      language: 'en',
      table: 'transfers',
      delimiter: 'comma',
      selection: ['a2'],
    });

    // The notice selects among the activities it shows, and can be final.
    await tick('export-doc-notice');
    await tick('export-some');
    const sections = target.querySelectorAll<HTMLInputElement>('[data-testid="export-selection"] input');
    expect(sections).toHaveLength(1);
    sections[0].click();
    await settle();
    await tick('export-final');
    await exportNow();
    expect(requests.at(-1)).toEqual({
      document: 'notice',
      format: 'markdown',
      language: 'en',
      selection: ['a2'],
      final: true,
    });

    // The checks report, as of a chosen date.
    await tick('export-doc-checks_report');
    const date = q<HTMLInputElement>('export-check-date')!;
    date.value = '2031-07-15';
    date.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    await exportNow();
    expect(requests.at(-1)).toEqual({
      document: 'checks_report',
      format: 'pdf',
      language: 'en',
      check_date: '2031-07-15',
    });
  });

  it('says how many texts a further document language still lacks', async () => {
    mockIPC((cmd) => {
      if (cmd === 'export_choices') return choices;
      if (cmd === 'untranslated_texts')
        return [
          { entity: 'activity', id: 'a', language: 'de', fields: ['description', 'purposes[0].description'] },
          { entity: 'activity', id: 'b', language: 'de', fields: ['collection'] },
          { entity: 'party', id: 'tax', language: 'de', fields: ['name'] },
        ];
      return null;
    });
    const target = await render(ExportView, {});
    await settle();
    const line = target.querySelector('[data-testid="export-untranslated-de"]');
    expect(line?.textContent).toContain('German: 4 texts missing');
    expect(target.querySelector('[data-testid="export-untranslated-en"]')).toBeNull();
  });
});
