import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import { projectRoot } from './paths.js';

const schema: unknown = JSON.parse(readFileSync(resolve(projectRoot, 'schema/report.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema as object);

/** The errors of validating a JSON report against the shipped schema, as readable lines (empty when valid). */
export function schemaErrors(document: unknown): string[] {
  return validate(document) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}
