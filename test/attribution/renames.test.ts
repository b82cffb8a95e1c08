import { describe, expect, it } from 'vitest';
import { forkRenames } from '../../src/attribution/renames.js';

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
});
