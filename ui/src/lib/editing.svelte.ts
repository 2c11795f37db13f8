// One record being edited on screen: its draft, the save queue that writes it as the user
// types, the save state and the last problem (conflict or a field the core named). The record
// editors of the parties and catalogues screens each hold one.

import type { JsonRecord } from './bindings';
import { describeError, type ErrorView } from './errors';
import { AppError } from './ipc';
import { locale } from './locale.svelte';
import { type SaveState, SaveQueue } from './saveQueue';

export type Editable = JsonRecord & { id: string; revision?: number };

/** A set of save queues flushed together (navigation, Ctrl+S, window close). */
export class QueueGroup {
  private readonly queues = new Set<{ flush: () => Promise<void> }>();

  add(queue: { flush: () => Promise<void> }): () => void {
    this.queues.add(queue);
    return () => this.queues.delete(queue);
  }

  async flush(): Promise<void> {
    await Promise.all([...this.queues].map((q) => q.flush()));
  }
}

export class Editing<T extends Editable> {
  draft: T = $state() as T;
  saveState: SaveState = $state('idle');
  problem: ErrorView | undefined = $state();
  readonly queue: SaveQueue<T>;

  constructor(
    initial: T,
    private readonly options: {
      save: (value: T) => Promise<T>;
      reload: () => Promise<T>;
      onSaved?: (saved: T) => void;
      delay?: number;
    },
  ) {
    this.draft = initial;
    this.queue = new SaveQueue<T>({
      delay: options.delay ?? 500,
      save: options.save,
      onSaved: (saved) => {
        this.draft.revision = saved.revision;
        this.problem = undefined;
        options.onSaved?.(saved);
      },
      onError: (error) => (this.problem = describeError(error, locale.lang)),
      onState: (state) => (this.saveState = state),
    });
  }

  /** Queues the draft as it is now. */
  changed = (): void => {
    this.queue.schedule($state.snapshot(this.draft) as T);
  };

  /** Sets `key` (empty text → null, which the core reads as "not recorded") and queues. */
  set = (key: string, value: unknown): void => {
    (this.draft as JsonRecord)[key] = value === '' ? null : value;
    this.changed();
  };

  /** Text of a string field ('' when absent). */
  text = (key: string): string => {
    const value = (this.draft as JsonRecord)[key];
    return typeof value === 'string' ? value : '';
  };

  /** Drops unsaved edits and reads the record again (after a conflict). */
  reload = async (): Promise<void> => {
    this.queue.discard();
    this.problem = undefined;
    try {
      this.draft = await this.options.reload();
    } catch (error) {
      this.problem = describeError(AppError.from(error), locale.lang);
    }
  };

  /**
   * Saves pending edits, then asks for the record's deletion at the revision it now has (a
   * revision read before the save would be refused as a conflict).
   */
  remove = async (ondelete: (id: string, revision: number | undefined) => void): Promise<void> => {
    await this.queue.flush();
    ondelete(this.draft.id, this.draft.revision);
  };

  /** The problem's text when it is about `field` (or a path inside it). */
  errorAt = (field: string): string | undefined => {
    const at = this.problem?.field;
    if (!at) return undefined;
    return at === field || at.startsWith(`${field}.`) || at.startsWith(`${field}[`)
      ? this.problem?.text
      : undefined;
  };
}
