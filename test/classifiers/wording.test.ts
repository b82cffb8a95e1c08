import { describe, expect, it } from 'vitest';
import { describeChange, describePresence } from '../../src/classifiers/common/wording.js';

describe('describeChange: who moved a value', () => {
  const containerd = { subject: 'github.com/containerd/containerd', upstream: 'v1.6.21', fork: 'v1.6.18' };

  it('says upstream bumped it and the fork stayed, when upstream moved', () => {
    expect(describeChange({ ...containerd, side: 'upstream' })).toBe('upstream bumped github.com/containerd/containerd v1.6.18 → v1.6.21; fork still at v1.6.18');
  });

  it('says the fork downgraded it, only when the fork moved', () => {
    expect(describeChange({ ...containerd, side: 'fork' })).toBe('fork downgraded github.com/containerd/containerd v1.6.21 → v1.6.18');
  });

  it('names both values when both moved, and keeps the neutral form without sides', () => {
    expect(describeChange({ ...containerd, side: 'both' })).toBe('both changed github.com/containerd/containerd: upstream v1.6.21, fork v1.6.18 (fork behind)');
    expect(describeChange({ ...containerd, side: null })).toBe('github.com/containerd/containerd: v1.6.21 → v1.6.18 (downgrade)');
  });

  it('never reads an upstream addition as a fork removal', () => {
    expect(describeChange({ subject: 'X', upstream: 'v2', fork: null, side: 'upstream' })).toBe('upstream added X (v2); fork lacks it');
    expect(describeChange({ subject: 'X', upstream: 'v2', fork: null, side: 'fork' })).toBe('fork removed X (upstream has v2)');
  });
});

describe('describePresence: who added or removed a thing', () => {
  it('words a thing only upstream has by who moved', () => {
    const job = { thing: 'job "e2e"', presentIn: 'upstream' as const };
    expect(describePresence({ ...job, side: 'fork', isCommentedOut: true })).toBe('fork commented out job "e2e"');
    expect(describePresence({ ...job, side: 'upstream' })).toBe('upstream added job "e2e"; fork lacks it');
    expect(describePresence({ ...job, side: null })).toBe('job "e2e" removed');
  });

  it('words a thing only the fork has by who moved', () => {
    const secret = { thing: 'secret TOKEN', presentIn: 'fork' as const, added: 'newly references', removed: 'no longer references' };
    expect(describePresence({ ...secret, side: 'fork' })).toBe('fork newly references secret TOKEN');
    expect(describePresence({ ...secret, side: 'upstream' })).toBe('upstream no longer references secret TOKEN; fork still has it');
    // Some of its lines are the merge base's, kept by the fork: upstream removed it, and the fork changed it.
    const workflow = { thing: 'workflow .github/workflows/beta-release.yml', presentIn: 'fork' as const };
    expect(describePresence({ ...workflow, side: 'both' })).toBe('upstream removed workflow .github/workflows/beta-release.yml, which the fork changed since');
  });
});
