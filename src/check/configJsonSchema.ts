import { z } from 'zod';
import { configSchema } from './configSchema.js';

type JsonSchema = Record<string, unknown>;

/**
 * Zod reads `paths: Dockerfile` as a list of one and an empty `expect:` as no
 * rules (both `z.preprocess`), which a JSON Schema of the parsed shape would
 * reject. So preprocessed values are widened to what a user may write: one
 * value or a list, and a key left empty.
 */
function widenPreprocessed(context: { zodSchema: z.core.$ZodTypes; jsonSchema: JsonSchema }): void {
  const { def } = context.zodSchema._zod;
  if (def.type !== 'pipe' || def.in._zod.def.type !== 'transform') return;
  const { jsonSchema } = context;
  const { default: defaultValue, description, ...shape } = jsonSchema;
  for (const key of Object.keys(jsonSchema)) delete jsonSchema[key];
  const alternatives = def.out._zod.def.type === 'array' ? [shape.items, shape] : [shape, { type: 'null' }];
  Object.assign(jsonSchema, description === undefined ? {} : { description }, defaultValue === undefined ? {} : { default: defaultValue }, {
    anyOf: alternatives,
  });
}

/** `schema/config.schema.json`: `.forkdiff.yml` as editors and CI validators read it (JSON Schema draft-07). */
export function configJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(configSchema, { target: 'draft-7', io: 'input', override: widenPreprocessed }) as JsonSchema;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: 'https://forkdiff.invalid/schema/config.schema.json',
    title: 'forkdiff config (.forkdiff.yml)',
    description: 'Remotes, refs, baseline, extra category globs, ignored paths and the drift a fork expects. Generated from src/check/configSchema.ts by npm run schema.',
    ...rest,
  };
}
