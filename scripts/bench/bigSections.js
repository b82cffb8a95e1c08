// The sections that make a fork diff hard to stream: dependency manifests,
// names git has to quote, a minified asset on one very long line, hunks of
// several megabytes, and one file section far larger than the rest.
import { NO_NEWLINE, writeHeader } from './diffFormat.js';
import { GO_MODULES, goLine } from './text.js';
import { writeDoc } from './sectionKinds.js';

/** go.mod, go.sum and vendor/modules.txt: the fork pins older versions than upstream. */
export function writeGoManifests(out, random) {
  writeHeader(out, random, { path: 'go.mod' });
  const requires = GO_MODULES.flatMap(([name, upstream, fork]) => [`-\t${name} ${upstream}`, `+\t${name} ${fork}`]);
  out.line(`@@ -5,${GO_MODULES.length + 2} +5,${GO_MODULES.length + 2} @@ go 1.19`);
  out.line(' require (');
  for (const line of requires) out.line(line);
  out.line(' )');
  writeHeader(out, random, { path: 'go.sum' });
  const sums = GO_MODULES.flatMap(([name, upstream, fork]) => [
    [`-${name} ${upstream} h1:${random.hex(43)}=`, `-${name} ${upstream}/go.mod h1:${random.hex(43)}=`],
    [`+${name} ${fork} h1:${random.hex(43)}=`, `+${name} ${fork}/go.mod h1:${random.hex(43)}=`],
  ]).flat();
  out.line(`@@ -100,${GO_MODULES.length * 2} +100,${GO_MODULES.length * 2} @@`);
  for (const line of sums) out.line(line);
  writeHeader(out, random, { path: 'vendor/modules.txt' });
  out.line(`@@ -1,${GO_MODULES.length} +1,${GO_MODULES.length} @@`);
  for (const [name, upstream] of GO_MODULES) out.line(`-# ${name} ${upstream}`);
  for (const [name, , fork] of GO_MODULES) out.line(`+# ${name} ${fork}`);
}

/** Names with spaces and non-ASCII letters, which git quotes with octal escapes. */
export function writeAwkwardNames(out, random) {
  for (const path of ['docs/release notes.md', 'docs/café ü.md', 'docs/日本語/読んでね.md', 'hack/my scripts/run all.md']) {
    writeDoc(out, random, 0, path);
  }
}

/** A bundled asset (e.g. minified JS) whose whole content is one line of `bytes` bytes. */
export async function writeLongLine(out, random, bytes) {
  writeHeader(out, random, { path: 'frontend/dockerui/assets/bundle.min.js' });
  out.line('@@ -1 +1 @@');
  for (const marker of ['-', '+']) {
    const piece = `var a${random.hex(6)}=function(e){return e.map(function(t){return t*2})};`;
    out.line(marker + piece.repeat(Math.ceil(bytes / 2 / piece.length)));
    out.line(NO_NEWLINE);
    await out.flushIfFull();
  }
}

/**
 * A regenerated vendored file: `hunkCount` hunks, each replacing about
 * `hunkBytes` of old lines with new ones. Counts are fixed before the body is
 * written, so the body streams out in pieces.
 */
export async function writeHugeSection(out, random, { path, hunkCount, hunkBytes }) {
  writeHeader(out, random, { path });
  const linesPerSide = Math.max(1, Math.round(hunkBytes / 2 / 33)); // a diff line of goLine averages 33 bytes
  let start = 1;
  for (let hunk = 0; hunk < hunkCount; hunk += 1) {
    out.line(`@@ -${start},${linesPerSide + 6} +${start},${linesPerSide + 6} @@ package ${path.split('/').at(-2)}`);
    const context = () => out.line(` ${goLine(random)}`);
    for (let i = 0; i < 3; i += 1) context();
    for (const marker of ['-', '+']) {
      for (let i = 0; i < linesPerSide; i += 1) {
        out.line(marker + goLine(random));
        if (i % 4096 === 0) await out.flushIfFull();
      }
    }
    for (let i = 0; i < 3; i += 1) context();
    start += linesPerSide + 6 + 50;
    await out.flushIfFull();
  }
}
