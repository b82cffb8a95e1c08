// node --import ./test/helpers/traceImports.mjs …: writes every module URL the
// program imports to $FORKDIFF_TRACE_IMPORTS, one per line, so a test can see
// what start-up loads.
import { register } from 'node:module';

register('./traceImportsHooks.mjs', import.meta.url);
