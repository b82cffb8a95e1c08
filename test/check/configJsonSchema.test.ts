import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseConfig } from '../../src/check/configParse.js';
import { configJsonSchema } from '../../src/check/configJsonSchema.js';
import { projectRoot } from '../helpers/paths.js';

const committedPath = resolve(projectRoot, 'schema/config.schema.json');
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(JSON.parse(readFileSync(committedPath, 'utf8')));

/** What the JSON Schema says of a YAML config, and what forkdiff itself says. */
const verdicts = (yaml: string): { schema: boolean; forkdiff: boolean } => {
  const schema = validate(parseDocument(yaml).toJS() ?? {});
  let forkdiff = true;
  try {
    parseConfig(yaml, '.forkdiff.yml');
  } catch {
    forkdiff = false;
  }
  return { schema, forkdiff };
};

describe('schema/config.schema.json', () => {
  it('is the one generated from the zod schema (run npm run schema after changing it)', () => {
    expect(readFileSync(committedPath, 'utf8')).toBe(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
  });

  const readmeExample = readFileSync(resolve(projectRoot, 'README.md'), 'utf8').match(/## Config: `\.forkdiff\.yml`\n\n```yaml\n([\s\S]*?)```/)?.[1] ?? '';

  it('reads the README example', () => expect(readmeExample).toMatch(/^expect:/m));

  it.each([
    ['the README example', readmeExample],
    ['a single glob where a list is allowed', 'expect:\n  - category: dockerfile\n    paths: Dockerfile\n    direction: downgrade\n    reason: Ubuntu\n'],
    ['keys left empty', 'refs:\nexpect:\nignore:\ncategories:\n'],
    ['an empty file', ''],
  ])('accepts %s, as forkdiff does', (_name, yaml) => {
    expect(verdicts(yaml)).toEqual({ schema: true, forkdiff: true });
  });

  it.each([
    ['an unknown key', 'upstreams: x\n'],
    ['a rule without a reason', 'expect:\n  - category: dockerfile\n'],
    ['an unknown direction', 'expect:\n  - category: vendored-deps\n    direction: down\n    reason: x\n'],
    ['an unknown category', 'categories:\n  docker: [x]\n'],
    ['an empty remote', 'upstream: ""\n'],
  ])('rejects %s, as forkdiff does', (_name, yaml) => {
    expect(verdicts(yaml)).toEqual({ schema: false, forkdiff: false });
  });
});
