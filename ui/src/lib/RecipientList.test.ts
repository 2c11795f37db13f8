import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { asActivity } from './records';
import RecipientList from './RecipientList.svelte';
import { cleanUpAfterEach, render, settle } from './testing';

cleanUpAfterEach();

describe('RecipientList', () => {
  it('records how long a recipient keeps the data, as a rule of its own', async () => {
    const draft = asActivity({
      id: 'a',
      reference: 'A-1',
      name: 'Newsletter',
      recipients: [{ party: 'mailer', role: 'processor' }],
    });
    let changes = 0;
    const root = await render(RecipientList, {
      draft,
      parties: new Map([['mailer', 'Mailer Inc.']]),
      rules: [],
      changed: () => (changes += 1),
      errorAt: () => undefined,
    });
    await settle();
    const field = root.querySelector('[data-testid="recipient-retention"]');
    expect(field?.getAttribute('aria-label')).toBe('How long Mailer Inc. keeps the data');
    const kind = field?.querySelector<HTMLSelectElement>('[data-testid="retention-kind"]');
    if (!kind) throw new Error('no kind picker');
    kind.value = 'unlimited';
    kind.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    expect(changes).toBe(1);
    expect(draft.recipients[0].retention).toEqual({ kind: 'unlimited', note: null });
    expect(changes).toBe(1);
  });
});
