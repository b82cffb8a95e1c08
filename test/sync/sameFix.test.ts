import { describe, expect, it } from 'vitest';
import { firstCommitFirst, groupSameFix } from '../../src/sync/sameFix.js';

const commit = (sha: string, subject: string, security = ['security']) => ({ sha, subject, security });

describe('groupSameFix', () => {
  it('links the commits of one subject through the files they share, in the order git lists them', () => {
    // netbox's #22675, newest first: the last iteration touches both files the earlier two touched one each.
    const rss = '#22675 Validate RSS feed entry link schemes to prevent javascript: XSS';
    const commits = [commit('aa3b5702', rss), commit('97a1375a', 'Security: replace random.choice'), commit('31301cdb', rss), commit('9cf75b60', rss)];
    const paths = new Map([
      ['aa3b5702', ['netbox/extras/dashboard/widgets.py', 'netbox/extras/tests/test_dashboard.py']],
      ['97a1375a', ['netbox/users/models/tokens.py']],
      ['31301cdb', ['netbox/extras/tests/test_dashboard.py']],
      ['9cf75b60', ['netbox/extras/dashboard/widgets.py']],
    ]);
    const groups = groupSameFix(commits, (sha) => paths.get(sha) ?? []);
    expect(groups.map((group) => group.map((each) => each.sha))).toEqual([['aa3b5702', '31301cdb', '9cf75b60'], ['97a1375a']]);
    expect(groups.map(firstCommitFirst).map((group) => group.map((each) => each.sha))).toEqual([['9cf75b60', 'aa3b5702', '31301cdb'], ['97a1375a']]);
  });

  it('keeps apart fixes of one subject on different files, of other ids, or without files', () => {
    // act's two GitHub advisories, one the parent of the other.
    const commits = [
      commit('c28c27e1', 'Merge commit from fork'), commit('0c739c8e', 'Merge commit from fork'),
      commit('11111111', 'fix overflow', ['CVE-2024-1']), commit('22222222', 'fix overflow', ['CVE-2024-2']),
      commit('33333333', 'empty'), commit('44444444', 'empty'),
    ];
    const paths = new Map([
      ['c28c27e1', ['pkg/artifactcache/handler.go']], ['0c739c8e', ['pkg/runner/command.go']],
      ['11111111', ['a.c']], ['22222222', ['a.c']],
    ]);
    const groups = groupSameFix(commits, (sha) => paths.get(sha) ?? []);
    expect(groups.map((group) => group.map((each) => each.sha))).toEqual([['c28c27e1'], ['0c739c8e'], ['11111111'], ['22222222'], ['33333333'], ['44444444']]);
  });
});
