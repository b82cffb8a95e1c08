// Cargo.lock (https://doc.rust-lang.org/cargo/guide/cargo-toml-vs-cargo-lock.html) and poetry.lock
// `[[package]]` tables: each names a resolved package and its exact version.
import type { Hunk } from '../../model.js';
import { scanHunk } from './scanHunk.js';
import type { DependencyEntry } from './types.js';

const SECTION = /^\s*\[{1,2}([^\]]+)\]{1,2}\s*$/;
const VERSION_KEY = /^\s*version\s*=\s*"([^"]+)"/;
const NAME_KEY = /^\s*name\s*=\s*"([^"]+)"/;

/** `[[package]]` tables of Cargo.lock and poetry.lock: `name = ` scopes the `version = ` after it. */
export function tomlLockEntries(hunk: Hunk): DependencyEntry[] {
  return scanHunk(hunk, {
    scopeOf: (content) => {
      if (SECTION.test(content)) return null;
      return NAME_KEY.exec(content)?.[1] ?? undefined;
    },
    entryOf: (content, scope) => {
      const version = VERSION_KEY.exec(content)?.[1];
      return scope && version ? { name: scope, version } : null;
    },
  });
}
