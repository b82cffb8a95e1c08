// Writes a fork diff of about `targetBytes` to `path`, streaming: ordinary
// sections of mixed kinds fill the size, and the big ones are dropped in at
// fixed points of the stream so they sit between ordinary files.
import { writeAwkwardNames, writeGoManifests, writeHugeSection, writeLongLine } from './bigSections.js';
import { createFileOutput } from './lineOutput.js';
import { createRandom } from './random.js';
import * as kinds from './sectionKinds.js';

const MB = 1024 * 1024;

// Weights of the ordinary sections: vendored code and Go sources dominate a
// buildkit fork diff; tests, CI and Dockerfiles are fewer but what matters.
const WEIGHTED_KINDS = [
  [30, kinds.writeVendorFile],
  [30, kinds.writeGoSource],
  [10, kinds.writeGoTest],
  [5, kinds.writeDoc],
  [3, kinds.writeDockerfile],
  [3, kinds.writeWorkflow],
  [4, kinds.writeWholeFile],
  [3, (out, random, index) => kinds.writeWholeFile(out, random, index, true)],
  [1, kinds.writeRename],
  [1, kinds.writeBinary],
  [1, kinds.writeModeOnly],
];
const TOTAL_WEIGHT = WEIGHTED_KINDS.reduce((sum, [weight]) => sum + weight, 0);

function pickKind(random) {
  let roll = random.next() * TOTAL_WEIGHT;
  for (const [weight, write] of WEIGHTED_KINDS) {
    roll -= weight;
    if (roll < 0) return write;
  }
  return WEIGHTED_KINDS[0][1];
}

/** The big sections, scaled to the target: at 300 MB, one 50 MB section and three 3 MB hunks. */
function bigSections(targetBytes) {
  const largest = Math.min(50 * MB, Math.round(targetBytes / 6));
  const largeHunk = Math.min(3 * MB, Math.round(targetBytes / 100));
  const vendored = (name, hunkCount, hunkBytes) => ({ path: `vendor/${name}`, hunkCount, hunkBytes });
  const huge = (at, name, hunkCount, hunkBytes) => ({
    at,
    name: `vendor/${name}`,
    write: (out, random) => writeHugeSection(out, random, vendored(name, hunkCount, hunkBytes)),
  });
  const largestHunks = Math.max(1, Math.round(largest / (4 * MB)));
  return [
    { at: 0.1, name: 'frontend/dockerui/assets/bundle.min.js', write: (out, random) => writeLongLine(out, random, Math.min(4 * MB, Math.round(targetBytes / 75))) },
    huge(0.2, 'google.golang.org/grpc/internal/transport/http2_client.go', 1, largeHunk),
    huge(0.4, 'github.com/containerd/containerd/api/services/tasks/v1/tasks.pb.go', largestHunks, largest / largestHunks),
    huge(0.6, 'github.com/docker/docker/api/types/types.go', 1, largeHunk),
    huge(0.8, 'go.opentelemetry.io/otel/trace/trace.go', 1, largeHunk),
  ];
}

/**
 * @returns {Promise<{ bytes: number, sections: number, largestSectionBytes: number, largestSectionPath: string }>}
 */
export async function writeSyntheticDiff(path, targetBytes, seed = 0x5eed) {
  const random = createRandom(seed);
  const out = createFileOutput(path);
  const pending = bigSections(targetBytes);
  let sections = 0;
  let largest = { bytes: 0, path: '' };
  // Measures each section so the report can name the largest, which bounds forkdiff's memory.
  const section = async (name, write) => {
    const before = out.bytes;
    await write(out, random);
    sections += 1;
    if (out.bytes - before > largest.bytes) largest = { bytes: out.bytes - before, path: name };
    await out.flushIfFull();
  };
  await section('go.mod + go.sum + modules.txt', writeGoManifests);
  await section('quoted names', writeAwkwardNames);
  while (out.bytes < targetBytes) {
    if (pending.length > 0 && out.bytes >= pending[0].at * targetBytes) {
      const big = pending.shift();
      await section(big.name, big.write);
      continue;
    }
    const index = sections;
    const write = pickKind(random);
    await section(`section ${index}`, (o, r) => write(o, r, index)); // ordinary sections are small
  }
  await out.close();
  return { bytes: out.bytes, sections, largestSectionBytes: largest.bytes, largestSectionPath: largest.path };
}
