import { describe, expect, it } from 'vitest';
import { emptyConfig } from '../../src/check/configDefaults.js';
import { configSchema } from '../../src/check/configSchema.js';

describe('emptyConfig', () => {
  it('is what the schema makes of an empty config file, so runs without one need not load zod', () => {
    expect(emptyConfig('/x/.forkdiff.yml')).toEqual({ ...configSchema.parse({}), source: '/x/.forkdiff.yml' });
    expect(emptyConfig(null).source).toBeNull();
  });
});
