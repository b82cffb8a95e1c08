import { describe, expect, it } from 'vitest';
import { isMergeOf, readConventions } from '../../src/sync/conventions.js';

describe('readConventions', () => {
  it('reads the rebase tags fork maintainers write', () => {
    expect(readConventions('UPSTREAM: <carry>: hack: Ubuntu build script', '')).toEqual({ tag: 'carry', upstreamRef: null, cherryPickedFrom: [], changeId: null });
    expect(readConventions('UPSTREAM: <drop>: temporary CI pin', '')).toMatchObject({ tag: 'drop' });
    expect(readConventions('UPSTREAM: 1234: client: retry on EOF', '')).toMatchObject({ tag: 'upstream-pr', upstreamRef: '#1234' });
    expect(readConventions('[CARRY] use the Ubuntu mirror', '')).toMatchObject({ tag: 'carry' });
    expect(readConventions('UBUNTU: SAUCE: apparmor profile', '')).toMatchObject({ tag: 'carry' });
    expect(readConventions('fix: x', 'body\n\n(cherry picked from commit 0123456789abcdef0123456789abcdef01234567)')).toEqual({
      tag: null, upstreamRef: null, cherryPickedFrom: ['0123456789abcdef0123456789abcdef01234567'], changeId: null,
    });
    expect(readConventions('docs: upstream is moby', '')).toEqual({ tag: null, upstreamRef: null, cherryPickedFrom: [], changeId: null });
    // Gerrit's trailer (OpenStack's backports keep it): the change, whatever branch it was merged on.
    expect(readConventions('[mariadb] Fix incremental backup', 'Closes-Bug: #1\nChange-Id: I0f3bd2a4c5e6f708192a3b4c5d6e7f8091a2b3c4\n').changeId).toBe('I0f3bd2a4c5e6f708192a3b4c5d6e7f8091a2b3c4');
    expect(readConventions('x', 'Change-Id: I123').changeId).toBeNull();
    // A backport picked again from branch to branch: every hop, the original first.
    expect(readConventions('Use ssh_cmd to get kubelet version', 'Story: 1\n(cherry picked from commit cb52da1097c3c06ce91236c8e0370262078761b2)\n(cherry picked from commit 560855cc)\n').cherryPickedFrom)
      .toEqual(['cb52da1097c3c06ce91236c8e0370262078761b2', '560855cc']);
  });

  it('recognises the merge of a pull request in upstream messages', () => {
    expect(isMergeOf('#7', 'client: retry on EOF (#7)')).toBe(true);
    expect(isMergeOf('#7', 'Merge pull request #7 from dev/retry')).toBe(true);
    expect(isMergeOf('#7', 'Merge pull request #77 from dev/other')).toBe(false);
    expect(isMergeOf('#7', 'bump (#71)')).toBe(false);
  });
});
