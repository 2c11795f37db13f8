import { mockIPC } from '@tauri-apps/api/mocks';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import AgreementEditor from './AgreementEditor.svelte';
import { QueueGroup } from './editing.svelte';
import JointEditor from './JointEditor.svelte';
import { cleanUpAfterEach, render } from './testing';

cleanUpAfterEach();

type Rec = Record<string, unknown>;

/** A shell that keeps what the editors send to be saved. */
function fakeShell() {
  const saved: Rec[] = [];
  mockIPC((cmd, args) => {
    if (cmd !== 'update_record') return null;
    const sent = (args as { request: { record: Rec } }).request.record;
    saved.push(structuredClone(sent));
    return { ...sent, revision: Number(sent.revision) + 1 };
  });
  return saved;
}

const activities = new Map([
  ['a1', 'WEB-01 Website'],
  ['a2', 'HR-01 Payroll'],
]);

function tick(root: HTMLElement, group: string, id: string) {
  const box = root.querySelector<HTMLInputElement>(`[data-testid="${group}"] input[value="${id}"]`);
  if (!box) throw new Error(`no ${id} in ${group}`);
  box.click();
  flushSync();
}

describe('linked records picked by ticking them', () => {
  it('an agreement records the activities it covers', async () => {
    const saved = fakeShell();
    const group = new QueueGroup();
    const root = await render(AgreementEditor, {
      record: { id: 'g1', party: 'p1', activities: ['a2'], revision: 1 },
      activities,
      group,
      ondelete: () => {},
    });
    tick(root, 'agreement-activities', 'a1');
    tick(root, 'agreement-activities', 'a2');
    await group.flush();
    expect(saved.at(-1)).toMatchObject({ id: 'g1', activities: ['a1'], revision: 1 });
  });

  it("a joint arrangement's own party stays ticked; others are added", async () => {
    const saved = fakeShell();
    const group = new QueueGroup();
    const root = await render(JointEditor, {
      record: { id: 'j1', title: 'Shared events', parties: ['p1'], revision: 4 },
      activities,
      partyNames: new Map([
        ['p1', 'Partner AG'],
        ['p2', 'Other GmbH'],
      ]),
      party: 'p1',
      group,
      ondelete: () => {},
    });
    const own = root.querySelector<HTMLInputElement>('[data-testid="joint-parties"] input[value="p1"]');
    expect(own?.checked).toBe(true);
    expect(own?.disabled).toBe(true);
    tick(root, 'joint-parties', 'p2');
    await group.flush();
    expect(saved.at(-1)).toMatchObject({ id: 'j1', parties: ['p1', 'p2'] });
  });
});
