import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { projectRoot } from './paths.js';

// The official schema is JSON Schema draft-04, which Ajv 8 reads only through ajv-draft-04.
// Both packages are CommonJS whose `default` is the export itself.
const Ajv04 = ajvDraft04.default;
const addFormats = ajvFormats.default;
const schema: unknown = JSON.parse(readFileSync(resolve(projectRoot, 'fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new Ajv04({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema as object);

/** The errors of validating a SARIF log against the official SARIF 2.1.0 schema (empty when valid). */
export function sarifErrors(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}
