import { describe, expect, it } from 'vitest';
import { forkRenames, learnRenamedFiles, learntRenames } from '../../src/attribution/renames.js';
import type { FileDiff } from '../../src/model.js';

describe('forkRenames', () => {
  const renames = forkRenames(new Map([
    ['src/valkey/server.c', 'src/redis/server.c'],
    ['src/valkey-cli.c', 'src/redis-cli.c'],
    ['docs/io.md', 'docs/db.md'],
  ]));

  it('maps upstream paths into the fork: exact renames, renamed directories, renamed names', () => {
    expect(renames.pathsFor('src/redis/server.c')[0]).toBe('src/valkey/server.c');
    expect(renames.pathsFor('src/redis/new_file.c')).toContain('src/valkey/new_file.c');
    expect(renames.pathsFor('src/redis-benchmark.c')).toContain('src/valkey-benchmark.c');
  });

  it('rewrites identifiers in every casing, but not short common words', () => {
    expect(renames.translate('if (redisCommand(c) == NULL) return REDIS_ERR; /* Redis */')).toBe('if (valkeyCommand(c) == NULL) return VALKEY_ERR; /* Valkey */');
    expect(renames.translate('db_open(io)')).toBe('db_open(io)');
  });

  it('changes nothing for a fork that renamed nothing', () => {
    const none = forkRenames(new Map());
    expect(none.pathsFor('a/b.c')).toEqual(['a/b.c']);
    expect(none.translate('redis')).toBe('redis');
  });

  it('learns renames one at a time: each translation sees the pairs learnt before it, the first pair of a name wins', () => {
    const learnt = learntRenames();
    expect(learnt.translate('redis-cli --pipe')).toBe('redis-cli --pipe');
    learnt.learn('src/valkey-cli.c', 'src/redis-cli.c');
    expect(learnt.translate('redis-cli --pipe')).toBe('valkey-cli --pipe');
    learnt.learn('src/other-cli.c', 'src/redis-cli.c');
    learnt.learn('tools/keydb-check.c', 'tools/redis-check.c');
    expect(learnt.translate('Redis redis-check')).toBe('Valkey valkey-check');
    // Longer names first, whenever they were learnt.
    learnt.learn('modules/valsearch/index.c', 'modules/redisearch/index.c');
    expect(learnt.translate('redisearch beside redis')).toBe('valsearch beside valkey');
  });

  it('translates a name as most renamed paths do, not as the first one did (opentofu)', () => {
    const learnt = learntRenames();
    learnt.learn('.github/workflows/build-opentofu-oss.yml', '.github/workflows/build-terraform-oss.yml');
    expect(learnt.translate('TestApply_terraformEnv')).toBe('TestApply_opentofuEnv');
    learnt.learn('internal/tofu/context.go', 'internal/terraform/context.go');
    // A tie keeps the first.
    expect(learnt.translate('TestApply_terraformEnv')).toBe('TestApply_opentofuEnv');
    learnt.learn('internal/tofu/graph.go', 'internal/terraform/graph.go');
    learnt.learn('internal/builtin/providers/tf/provider.go', 'internal/builtin/providers/terraform/provider.go');
    expect(learnt.translate('TestApply_terraformEnv // Terraform')).toBe('TestApply_tofuEnv // Tofu');
    // A path counts once, however often it names the pair.
    learnt.learn('tf/tf/tf.go', 'terraform/terraform/terraform.go');
    expect(learnt.translate('terraform')).toBe('tofu');
    expect(learnt.pathsFor('internal/terraform/eval.go')).toContain('internal/tofu/eval.go');
  });

  it('learns nothing from a path that changes more than one name: two files alike in content, paired by git', () => {
    const learnt = learntRenames();
    learnt.learn('internal/tofu/context.go', 'internal/terraform/context.go');
    // opentofu's testdata: identical provider stubs under unrelated names.
    learnt.learn(
      'testdata/registry.opentofu.org/-/legacy/1.0.0/linux_amd64/terraform-provider-legacy',
      'testdata/registry.terraform.io/hashicorp/null/2.0.0/darwin_amd64/terraform-provider-null',
    );
    expect(learnt.translate('if val.IsNull() && goos == "darwin" { // terraform')).toBe('if val.IsNull() && goos == "darwin" { // tofu');
    expect(learnt.pathsFor('testdata/registry.terraform.io/hashicorp/null/2.0.0/darwin_amd64/other')).not.toContain('testdata/registry.opentofu.org/-/legacy/1.0.0/linux_amd64/other');
    // One name changed in several places is one rename.
    learnt.learn('src/valkey/valkey-cli.c', 'src/redis/redis-cli.c');
    expect(learnt.translate('redis-cli')).toBe('valkey-cli');
  });

  it('learns no name from a file moved between a directory and its negation or plural', () => {
    const learnt = learntRenames();
    // opentofu moved a test input the fork made valid; `peers` for `peer` is a plural, no product.
    learnt.learn('internal/configs/testdata/valid-files/version-variable.tf', 'internal/configs/testdata/invalid-files/version-variable.tf');
    learnt.learn('internal/server/peers/peers.go', 'internal/server/peer/peer.go');
    expect(learnt.translate('TestParseConsole_invalid(peer)')).toBe('TestParseConsole_invalid(peer)');
    learnt.learn('internal/tofu/context.go', 'internal/terraform/context.go');
    expect(learnt.translate('TestParseConsole_invalid // terraform')).toBe('TestParseConsole_invalid // tofu');
    // A product's own suffix is a rename all the same.
    learnt.learn('searxng/webapp.py', 'searx/webapp.py');
    expect(learnt.translate('test_searx_useragent')).toBe('test_searxng_useragent');
  });

  it('learns only what a diff shows renamed, from upstream path to fork path (not copies)', () => {
    const file = (status: FileDiff['status'], path: string, oldPath: string | null): FileDiff => ({ path, oldPath, status } as FileDiff);
    const learnt = learntRenames();
    learnRenamedFiles(learnt, [file('copied', 'src/copy-cli.c', 'src/redis-cli.c'), file('modified', 'src/redis.c', null)]);
    expect(learnt.translate('redis-cli')).toBe('redis-cli');
    learnRenamedFiles(learnt, [file('renamed', 'src/valkey-cli.c', 'src/redis-cli.c')]);
    expect(learnt.translate('redis-cli')).toBe('valkey-cli');
    expect(learnt.pathsFor('src/redis-cli.c')[0]).toBe('src/valkey-cli.c');
  });
});
