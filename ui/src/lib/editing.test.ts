import { describe, expect, it } from 'vitest';
import { type Editable, Editing } from './editing.svelte';

describe('Editing', () => {
  it('saves pending edits before deleting, at the revision the save returned', async () => {
    const saved: Editable[] = [];
    const editing = new Editing<Editable>(
      { id: 'a1', name: 'Old', revision: 3 },
      {
        save: async (value) => {
          saved.push(value);
          return { ...value, revision: (value.revision ?? 0) + 1 };
        },
        reload: async () => ({ id: 'a1', revision: 4 }),
        delay: 10_000,
      },
    );
    editing.set('name', 'New');
    const asked: [string, number | undefined][] = [];
    await editing.remove((id, revision) => asked.push([id, revision]));
    expect(saved.map((v) => v.name)).toEqual(['New']);
    expect(asked).toEqual([['a1', 4]]);
  });

  it('deletes at the current revision when nothing is pending', async () => {
    const editing = new Editing<Editable>(
      { id: 'a1', revision: 7 },
      { save: async (v) => v, reload: async () => ({ id: 'a1', revision: 7 }) },
    );
    const asked: [string, number | undefined][] = [];
    await editing.remove((id, revision) => asked.push([id, revision]));
    expect(asked).toEqual([['a1', 7]]);
  });
});
