// forkdiff's git-mode audit without its CLI or a reporter, with the sync
// plan on or off: the bench runs both, and the difference is the time the
// sync plan takes. Used while the CLI has no flag to skip the sync plan.
//
//   node auditOnly.js DIST REF on|off     (in the fork's clone)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dist, ref, sync] = process.argv.slice(2);
// The heap bounds the CLI sets for every run (builds that have them), so both figures compare with the CLI's.
const heapBounds = join(dist, 'heapBounds.js');
if (existsSync(heapBounds)) (await import(pathToFileURL(heapBounds).href)).boundHeap();
const { auditGitRef } = await import(pathToFileURL(join(dist, 'audit', 'auditGitRef.js')).href);
await auditGitRef({ cwd: process.cwd(), ref, upstream: 'upstream', origin: 'origin', fetch: false, sync: sync === 'on' });
process.exit(0); // git children forkdiff keeps open for a next ref would hold the process
