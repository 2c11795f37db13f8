import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from './ipc';
import { type SaveState, SaveQueue } from './saveQueue';

interface Rec {
  name: string;
  revision: number;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(save: (r: Rec) => Promise<Rec>) {
  const states: SaveState[] = [];
  const saved: Rec[] = [];
  const errors: AppError[] = [];
  const queue = new SaveQueue<Rec>({
    delay: 300,
    save,
    onSaved: (r) => saved.push(r),
    onError: (e) => errors.push(e),
    onState: (s) => states.push(s),
  });
  return { queue, states, saved, errors };
}

describe('SaveQueue', () => {
  it('coalesces edits and saves the last one after the quiet time', async () => {
    const save = vi.fn(async (r: Rec) => ({ ...r, revision: r.revision + 1 }));
    const { queue, saved, states } = setup(save);
    queue.schedule({ name: 'a', revision: 1 });
    queue.schedule({ name: 'ab', revision: 1 });
    await vi.advanceTimersByTimeAsync(299);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(saved).toEqual([{ name: 'ab', revision: 2 }]);
    expect(states.at(-1)).toBe('saved');
    expect(queue.dirty).toBe(false);
  });

  it('saves an edit made during a save next, on top of the new revision', async () => {
    let release: (() => void) | undefined;
    const save = vi.fn(
      (r: Rec) =>
        new Promise<Rec>((resolve) => {
          release = () => resolve({ ...r, revision: r.revision + 1 });
        }),
    );
    const { queue } = setup(save);
    queue.schedule({ name: 'a', revision: 1 });
    const first = queue.flush();
    queue.schedule({ name: 'ab', revision: 1 });
    release?.();
    await first;
    const second = queue.flush();
    await vi.advanceTimersByTimeAsync(0);
    release?.();
    await second;
    expect(save.mock.calls.map(([r]) => r)).toEqual([
      { name: 'a', revision: 1 },
      { name: 'ab', revision: 2 },
    ]);
  });

  it('stops on a conflict, keeps the edit, and starts over after discard', async () => {
    const save = vi.fn(async (r: Rec): Promise<Rec> => {
      if (r.name === 'stale') throw { code: 'conflict', message: 'changed' };
      return { ...r, revision: r.revision + 1 };
    });
    const { queue, errors, states } = setup(save);
    queue.schedule({ name: 'stale', revision: 1 });
    await queue.flush();
    expect(errors.map((e) => e.code)).toEqual(['conflict']);
    expect(states.at(-1)).toBe('error');
    queue.schedule({ name: 'more', revision: 1 });
    await queue.flush();
    expect(save).toHaveBeenCalledTimes(1);
    expect(queue.dirty).toBe(true);
    queue.discard();
    queue.schedule({ name: 'fresh', revision: 5 });
    await queue.flush();
    expect(save).toHaveBeenLastCalledWith({ name: 'fresh', revision: 5 });
  });

  it('reports invalid data and saves the next edit as usual', async () => {
    const save = vi.fn(async (r: Rec): Promise<Rec> => {
      if (r.name === '') throw { code: 'invalid', message: 'name: empty', field: 'name' };
      return { ...r, revision: r.revision + 1 };
    });
    const { queue, errors, saved } = setup(save);
    queue.schedule({ name: '', revision: 1 });
    await queue.flush();
    expect(errors.map((e) => e.field)).toEqual(['name']);
    expect(queue.dirty).toBe(true);
    queue.schedule({ name: 'fixed', revision: 1 });
    await queue.flush();
    expect(saved).toEqual([{ name: 'fixed', revision: 2 }]);
    expect(queue.dirty).toBe(false);
  });
});
