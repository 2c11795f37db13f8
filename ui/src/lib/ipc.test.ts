import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { api, AppError, call, ErrorCode } from './ipc';
import type { RegisterOverview } from './bindings';

const overview: RegisterOverview = {
  path: '/tmp/register.sqlite',
  organisationName: 'Example GmbH',
  activities: [{ id: 'a1', reference: 'PA-001', name: 'Payroll', status: 'active' }],
};

afterEach(() => clearMocks());

describe('AppError.from', () => {
  it('keeps code and message of a structured command error', () => {
    const error = AppError.from({ code: 'not_found', message: 'No such activity' });
    expect(error).toBeInstanceOf(AppError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('not_found');
    expect(error.message).toBe('No such activity');
    expect(error.name).toBe('AppError');
  });

  it('turns a plain string rejection into an ipc error', () => {
    const error = AppError.from('command foo not found');
    expect(error.code).toBe(ErrorCode.Ipc);
    expect(error.message).toBe('command foo not found');
  });

  it('wraps an Error and keeps it as the cause', () => {
    const cause = new TypeError('boom');
    const error = AppError.from(cause);
    expect(error.code).toBe(ErrorCode.Ipc);
    expect(error.cause).toBe(cause);
  });

  it('does not mistake objects with non-string fields for command errors', () => {
    expect(AppError.from({ code: 42, message: 'x' }).code).toBe(ErrorCode.Unknown);
    expect(AppError.from(null).code).toBe(ErrorCode.Unknown);
  });

  it('returns an AppError unchanged', () => {
    const original = new AppError('x', 'y');
    expect(AppError.from(original)).toBe(original);
  });
});

describe('call', () => {
  it('passes command name and arguments to the backend and returns its result', async () => {
    const seen: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      seen.push([cmd, args]);
      return overview;
    });
    await expect(api.openRegister('/tmp/register.sqlite')).resolves.toEqual(overview);
    expect(seen).toEqual([['open_register', { path: '/tmp/register.sqlite' }]]);
  });

  it('rejects with an AppError carrying the backend code', async () => {
    mockIPC(() => {
      throw { code: 'register_not_open', message: 'No register is open.' };
    });
    const failure = call('register_overview', {}).catch((error: unknown) => error);
    const error = await failure;
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(ErrorCode.RegisterNotOpen);
    expect((error as AppError).message).toBe('No register is open.');
  });
});
