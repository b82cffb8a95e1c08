import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { onExit, trackChild } from '../../src/io/exitCleanup.js';

const listeners = (): number[] => ['SIGINT', 'SIGTERM', 'SIGHUP', 'exit'].map((event) => process.listenerCount(event));

describe('exit cleanup', () => {
  it('listens for signals only while a cleanup is registered or a child runs', async () => {
    const idle = listeners();
    const removeFirst = onExit(() => undefined);
    const removeSecond = onExit(() => undefined);
    expect(listeners()).toEqual(idle.map((count) => count + 1));
    removeFirst();
    expect(listeners()).toEqual(idle.map((count) => count + 1));
    removeSecond();
    expect(listeners()).toEqual(idle);

    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 50)']);
    trackChild(child);
    expect(listeners()).toEqual(idle.map((count) => count + 1));
    await once(child, 'exit');
    expect(listeners()).toEqual(idle);
  });

  it('runs a cleanup once, when it is removed', () => {
    let runs = 0;
    const remove = onExit(() => { runs += 1; });
    remove();
    remove();
    expect(runs).toBe(1);
  });
});
