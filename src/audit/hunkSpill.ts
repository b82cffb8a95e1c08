import { readSync, writeSync } from 'node:fs';
import { createSpoolFile } from '../io/spool.js';
import type { FileDiff, Hunk } from '../model.js';
import { indentedJson } from '../text/indentedJson.js';

/** Hunks kept as objects before later files' hunks go to disk: small reports never spill. */
export const IN_MEMORY_HUNKS = 5_000;

interface SpillFile {
  fd: number;
  offset: number;
}

/**
 * A file whose hunks wait on disk. A class, so that every spilled file shares
 * one hidden class: an accessor defined on each object instead turns it into
 * a dictionary-mode object, about four times the size (1.1 KB instead of
 * 0.3 KB on V8), and on a huge fork most files spill. `hunks` reads back on
 * every access; `toJSON` and spreading keep the plain `FileDiff` shape.
 */
class SpilledFile implements FileDiff {
  status: FileDiff['status'];
  isBinary: boolean;
  oldMode: string | null;
  newMode: string | null;
  similarity: number | null;
  path: string;
  oldPath: string | null;
  additions: number;
  deletions: number;
  categories: FileDiff['categories'];
  otherKind: FileDiff['otherKind'];
  module: string | null;
  side: FileDiff['side'];
  rename: FileDiff['rename'];
  readonly #spill: SpillFile;
  readonly #at: number;
  readonly #length: number;
  #replaced: Hunk[] | null = null;

  constructor(file: FileDiff, spill: SpillFile, at: number, length: number) {
    this.status = file.status;
    this.isBinary = file.isBinary;
    this.oldMode = file.oldMode;
    this.newMode = file.newMode;
    this.similarity = file.similarity;
    this.path = file.path;
    this.oldPath = file.oldPath;
    this.additions = file.additions;
    this.deletions = file.deletions;
    this.categories = file.categories;
    this.otherKind = file.otherKind;
    this.module = file.module;
    this.side = file.side;
    this.rename = file.rename;
    this.#spill = spill;
    this.#at = at;
    this.#length = length;
  }

  get hunks(): Hunk[] {
    return this.#replaced ?? (JSON.parse(this.#readBack()) as Hunk[]);
  }

  set hunks(hunks: Hunk[]) {
    this.#replaced = hunks;
  }

  toJSON(): FileDiff {
    return { ...this, hunks: this.hunks };
  }

  /**
   * `JSON.stringify(this, null, 2)` indented for `depth` (its place in the
   * report, as indentedJson), the hunks spliced in as spilled (they were
   * written indented for a single report's files), never parsed back: on a
   * huge fork the JSON report is mostly spilled hunks.
   */
  toIndentedJson(depth: number): string {
    const closing = `\n${'  '.repeat(depth)}}`;
    // `{ …, "hunks": 0 }` up to its placeholder value, which the hunks take.
    const head = indentedJson({ ...this, hunks: 0 }, depth).slice(0, -(1 + closing.length));
    const hunks = this.#replaced
      ? indentedJson(this.#replaced, depth + 1)
      : depth === SPILLED_FILE_DEPTH ? this.#readBack() : this.#readBack().replace(SPILLED_LINE_START, `\n${'  '.repeat(depth + 1)}`);
    return `${head}${hunks}${closing}`;
  }

  #readBack(): string {
    const back = Buffer.alloc(this.#length);
    readSync(this.#spill.fd, back, 0, back.length, this.#at);
    return back.toString('utf8');
  }
}

/**
 * Where a file sits in a single report's JSON (report → files → file): its
 * hunks are spilled indented for that place, so the report, mostly spilled
 * hunks on a huge fork, is written without re-indenting them (on a dense
 * 100 MB diff that made 440 MB of strings).
 */
const SPILLED_FILE_DEPTH = 2;
/** A spilled line's start: a newline and the indent of the file's keys. */
const SPILLED_LINE_START = new RegExp(`\\n${'  '.repeat(SPILLED_FILE_DEPTH + 1)}`, 'g');

/** Whether a file's hunks were moved to disk. */
export const isSpilled = (file: FileDiff): boolean => file instanceof SpilledFile;

/**
 * Bounds the report's memory on a huge fork. Once more than `limit` hunks are
 * held, each further file's hunks are written to a temporary file and the
 * file is replaced by one whose `hunks` reads them back, so reporters (and
 * JSON.stringify) see the same model without it all living in memory.
 *
 * What stays in memory goes through `copy` (the report's compactor), so the
 * parser's objects are never the ones kept.
 */
export function createHunkSpill(limit = IN_MEMORY_HUNKS, copy: <T>(value: T) => T = (value) => value): { keep(file: FileDiff): FileDiff } {
  let heldHunks = 0;
  let spill: SpillFile | null = null;
  return {
    keep(file) {
      heldHunks += file.hunks.length;
      if (heldHunks <= limit || file.hunks.length === 0) return copy(file);
      spill ??= openSpill();
      const bytes = Buffer.from(indentedJson(file.hunks, SPILLED_FILE_DEPTH + 1), 'utf8');
      const at = spill.offset;
      writeSync(spill.fd, bytes, 0, bytes.length, at);
      spill.offset += bytes.length;
      return new SpilledFile(copy({ ...file, hunks: [] }), spill, at, bytes.length);
    },
  };
}

/**
 * A spool file is unlinked as soon as it is open, so hunks never outlive the
 * process, even one stopped with Ctrl-C or killed (an `exit` handler alone
 * left them behind then); the handler only closes the descriptor.
 */
function openSpill(): SpillFile {
  const file = createSpoolFile();
  process.once('exit', file.close);
  return { fd: file.fd, offset: 0 };
}
