// Typed access to the desktop shell's commands.
//
// Every command rejects with `{ code, message }` (see `src-tauri/src/error.rs`); `call` turns
// that, and anything else `invoke` may throw, into an `AppError` whose `code` the UI can
// branch on. Components never call `invoke` directly.

import { invoke } from '@tauri-apps/api/core';
import type { IpcErrorPayload, RegisterOverview } from './types';

/** Codes produced by the shell itself; core error codes pass through unchanged. */
export const ErrorCode = {
  /** No register is open (none given and the demo could not be created, or open failed). */
  RegisterNotOpen: 'register_not_open',
  /** `invoke` failed without a structured error (unknown command, denied by capability). */
  Ipc: 'ipc',
  /** Something that is not an error object at all. */
  Unknown: 'unknown',
} as const;

/** An error from a command, with a machine-readable `code`. */
export class AppError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }

  /** Normalises whatever a rejected `invoke` produced into an `AppError`. */
  static from(error: unknown): AppError {
    if (error instanceof AppError) return error;
    if (isIpcErrorPayload(error)) return new AppError(error.code, error.message);
    if (error instanceof Error) return new AppError(ErrorCode.Ipc, error.message, { cause: error });
    if (typeof error === 'string') return new AppError(ErrorCode.Ipc, error);
    return new AppError(ErrorCode.Unknown, 'Unexpected error', { cause: error });
  }
}

function isIpcErrorPayload(value: unknown): value is IpcErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return typeof code === 'string' && typeof message === 'string';
}

/** Command name → its arguments and result. */
export interface Commands {
  open_register: { args: { path: string }; result: RegisterOverview };
  register_overview: { args: Record<string, never>; result: RegisterOverview };
}

export type CommandName = keyof Commands;

/** Invokes `command`; rejects only with `AppError`. */
export async function call<C extends CommandName>(
  command: C,
  args: Commands[C]['args'],
): Promise<Commands[C]['result']> {
  try {
    return await invoke<Commands[C]['result']>(command, args);
  } catch (error) {
    throw AppError.from(error);
  }
}

/** The commands, one typed function each. */
export const api = {
  /** Opens the register file at `path` and returns its overview. */
  openRegister: (path: string) => call('open_register', { path }),
  /** The overview of the register that is open. */
  registerOverview: () => call('register_overview', {}),
};
