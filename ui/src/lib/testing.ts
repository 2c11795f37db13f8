// Shared helpers of the component tests (vitest + happy-dom): mount a component into the
// document, let pending IPC promises settle, and clean up after each test.

import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { type Component, flushSync, mount, unmount } from 'svelte';
import { afterEach } from 'vitest';
import type { Commands } from './bindings';
import type { CommandName } from './ipc';

let mounted: ReturnType<typeof mount>[] = [];

/** Unmounts what `render` mounted and clears the IPC mock after every test of the file. */
export function cleanUpAfterEach(): void {
  afterEach(() => {
    for (const component of mounted) unmount(component);
    mounted = [];
    document.body.innerHTML = '';
    clearMocks();
  });
}

/** Mounts `component` with `props` into a fresh element of the document and settles. */
export async function render<Props extends Record<string, unknown>>(
  component: Component<Props>,
  props: Props,
): Promise<HTMLElement> {
  const target = document.createElement('div');
  document.body.append(target);
  mounted.push(mount(component, { target, props }));
  await settle();
  return target;
}

/** Lets pending IPC promises resolve, then applies the resulting state changes. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    flushSync();
  }
}

/** What a test's stand-in shell answers, per command: typed by the generated `Commands`, so a
 * mock can neither answer a command the shell does not have nor return what it never would. */
export type ShellAnswers = {
  [C in CommandName]?: (args: Commands[C]['args']) => Commands[C]['result'];
};

/** Mocks the shell with typed answers; other commands answer `null`. */
export function mockShell(answers: ShellAnswers): void {
  mockIPC((cmd, args) => {
    const answer = answers[cmd as CommandName] as ((args: unknown) => unknown) | undefined;
    return answer ? answer(args) : null;
  });
}
