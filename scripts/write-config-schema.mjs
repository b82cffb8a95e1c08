#!/usr/bin/env node
// Writes schema/config.schema.json from the zod schema (src/check/configSchema.ts),
// as built in dist/. Run through `npm run schema`; a test fails when they differ.
import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '../dist/check/configJsonSchema.js';

const target = new URL('../schema/config.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
