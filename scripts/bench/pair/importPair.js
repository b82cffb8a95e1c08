// Turns a planned history into one `git fast-import` stream. The plan is a
// list of steps on named branches (`upstream`, `fork`, topic branches):
// `base`, `branch`, `commit` (edits to file blocks) and `merge` (--no-ff).
// Each branch's state is one small array per file (which edit wrote each
// block's body); a commit writes the whole text of the files it touched.
import { Buffer } from 'node:buffer';
import { fileText } from './blockFile.js';
import { FORK_REF, UPSTREAM_REF, fastImport, initClone } from './clone.js';

const START = 1_700_000_000;

/** Writes the steps into `out`. */
async function writeSteps(out, files, steps) {
  const heads = new Map(); // branch → { mark, versions: Int32Array[] }
  const tips = new Map(); // ref → the mark last written to it
  let mark = 0;
  let time = START;
  const emit = async (branch, message, from, mergeMark, changed, versions) => {
    const who = branch === 'fork' ? 'Fork Maintainer <fork@example.com>' : 'Upstream Dev <dev@example.com>';
    const ref = branch === 'fork' ? FORK_REF : UPSTREAM_REF;
    time += 600;
    mark += 1;
    out.line(`commit ${ref}\nmark :${mark}\nauthor ${who} ${time} +0000\ncommitter ${who} ${time} +0000`);
    out.line(`data ${Buffer.byteLength(message)}\n${message}`);
    // `from` makes fast-import reload the parent's tree: only say it when the ref is elsewhere.
    if (from && tips.get(ref) !== from) out.line(`from :${from}`);
    tips.set(ref, mark);
    if (mergeMark) out.line(`merge :${mergeMark}`);
    for (const index of changed) {
      const text = fileText(files[index], versions[index]);
      out.line(`M 100644 inline ${files[index].path}\ndata ${Buffer.byteLength(text)}`);
      out.line(text.slice(0, -1)); // the line output adds the final newline back
      await out.flushIfFull(); // the base commit alone writes the whole tree
    }
    return mark;
  };
  for (const step of steps) {
    if (step.op === 'base') {
      const versions = files.map((file) => new Int32Array(file.blocks));
      const at = await emit('upstream', step.message, null, null, files.keys(), versions);
      heads.set('upstream', { mark: at, versions });
      heads.set('fork', { mark: at, versions: versions.map((blocks) => blocks.slice()) });
    } else if (step.op === 'branch') {
      const from = heads.get(step.from);
      heads.set(step.name, { mark: from.mark, versions: from.versions.map((blocks) => blocks.slice()) });
    } else if (step.op === 'commit') {
      const head = heads.get(step.branch);
      const changed = new Set();
      for (const { file, block, edit } of step.edits) {
        head.versions[file][block] = edit;
        changed.add(file);
      }
      head.mark = await emit(step.branch, step.message, head.mark, null, [...changed].sort((a, b) => a - b), head.versions);
    } else if (step.op === 'merge') {
      const into = heads.get(step.into);
      const from = heads.get(step.from);
      const changed = files.flatMap((_, index) => (into.versions[index].every((edit, block) => edit === from.versions[index][block]) ? [] : [index]));
      into.mark = await emit(step.into, step.message, into.mark, from.mark, changed, from.versions);
      into.versions = from.versions.map((blocks) => blocks.slice()); // the topic began at `into`, so its tree is the merge's
    }
    await out.flushIfFull();
  }
}

/** Creates `dir/clone` with upstream/v0.11 and origin/v0.11 built from `steps`; returns its path. */
export async function importPair(dir, files, steps) {
  const clone = initClone(dir);
  await fastImport(clone, (out) => writeSteps(out, files, steps));
  return clone;
}
