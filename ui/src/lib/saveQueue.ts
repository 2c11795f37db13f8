// Saves as the user works: edits are coalesced for `delay` ms, saved one at a time, and a
// later edit made while a save is running is saved next on top of the new revision. A conflict
// stops the queue and keeps the unsaved value until `discard` (after the user reloaded); other
// failures (invalid data) are reported and the next edit is saved as usual.

import { AppError } from './ipc';

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface SaveQueueOptions<T> {
  /** Quiet time after the last edit before saving. */
  delay: number;
  /** Writes the value; resolves with the stored record (new revision). */
  save: (value: T) => Promise<T>;
  /** Called after each successful save. */
  onSaved?: (saved: T) => void;
  /** Called when a save fails; the queue holds the value until `retry` or `discard`. */
  onError?: (error: AppError, value: T) => void;
  /** Called whenever the state changes. */
  onState?: (state: SaveState) => void;
  /** Which errors stop the queue; default: `conflict`. */
  stopsOn?: (error: AppError) => boolean;
}

interface HasRevision {
  revision?: number;
}

export class SaveQueue<T extends HasRevision> {
  private pending: T | undefined;
  private failed: T | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private lastRevision: number | undefined;
  private blocked = false;
  state: SaveState = 'idle';

  constructor(private readonly options: SaveQueueOptions<T>) {}

  /** Queues `value` (the whole record as edited) for saving after the quiet time. */
  schedule(value: T): void {
    if (this.blocked) {
      this.failed = value;
      return;
    }
    this.failed = undefined;
    this.pending = value;
    this.setState('pending');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.options.delay);
  }

  /** Saves whatever is queued now (on blur, navigation, window close). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.running) await this.running;
    const value = this.pending;
    if (value === undefined || this.blocked) return;
    this.pending = undefined;
    this.running = this.run(value);
    try {
      await this.running;
    } finally {
      this.running = undefined;
    }
    if (this.pending !== undefined && this.timer === undefined) await this.flush();
  }

  /** Whether there are edits not yet written. */
  get dirty(): boolean {
    return this.pending !== undefined || this.failed !== undefined || this.running !== undefined;
  }

  /** Forgets a failed or queued value (after the user reloaded the record). */
  discard(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
    this.failed = undefined;
    this.lastRevision = undefined;
    this.blocked = false;
    this.setState('idle');
  }

  private async run(value: T): Promise<void> {
    this.setState('saving');
    // An edit made while the previous save ran still carries the old revision.
    const toSave =
      this.lastRevision !== undefined && (value.revision ?? 0) < this.lastRevision
        ? { ...value, revision: this.lastRevision }
        : value;
    try {
      const saved = await this.options.save(toSave);
      this.lastRevision = saved.revision;
      this.setState(this.pending === undefined ? 'saved' : 'pending');
      this.options.onSaved?.(saved);
    } catch (thrown) {
      const error = AppError.from(thrown);
      const stops = this.options.stopsOn ?? ((e: AppError) => e.code === 'conflict');
      if (stops(error)) {
        this.blocked = true;
        this.failed = this.pending ?? toSave;
        this.pending = undefined;
      } else if (this.pending === undefined) {
        this.failed = toSave;
      }
      this.setState('error');
      this.options.onError?.(error, toSave);
    }
  }

  private setState(state: SaveState): void {
    this.state = state;
    this.options.onState?.(state);
  }
}
