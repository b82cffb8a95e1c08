// The history of a fork shaped like a real one: upstream is a release
// branch of pull requests merged with --no-ff (topic branches of one to four
// commits), a few of them dependency bumps across vendor/; the fork carries
// its own patches (Dockerfiles, CI, tests, pins) and backports most of
// upstream's fixes as cherry-picks, so patch-ids match and only some
// upstream commits are missing.
import { editId } from './blockFile.js';
import { forkSubject, upstreamSubject } from './subjects.js';

/** Free blocks of one parity per file: every block is rewritten at most once per side. */
function blockPicker(random, files) {
  const used = new Set();
  return (file, parity, count) => {
    const free = [];
    for (let block = parity; block < files[file].blocks; block += 2) if (!used.has(`${file}:${block}`)) free.push(block);
    const chosen = [];
    while (chosen.length < count && free.length > 0) chosen.push(...free.splice(random.int(0, free.length - 1), 1));
    for (const block of chosen) used.add(`${file}:${block}`);
    return chosen;
  };
}

/**
 * @param {ReturnType<import('../random.js').createRandom>} random
 * @param {{ kind: string, blocks: number }[]} files
 * @param {{ topics: number, bumps: number, carries: number, backports: number, conflicts: number }} shape
 */
export function planTopics(random, files, shape) {
  const byKind = (...kinds) => files.flatMap((file, index) => (kinds.includes(file.kind) ? [index] : []));
  const source = byKind('go', 'test', 'doc', 'dockerfile', 'workflow');
  const vendor = byKind('vendor');
  const manifests = byKind('gomod', 'gosum');
  const take = blockPicker(random, files);
  let upstreamEdits = 0;
  let forkEdits = 0;
  const upEdits = (file, count) => take(file, 0, count).map((block) => ({ file, block, edit: editId('upstream', upstreamEdits++) }));
  const touched = new Set();
  const topics = [];
  const bumpAt = new Set(Array.from({ length: shape.bumps }, (_, index) => Math.floor(((index + 0.5) * shape.topics) / shape.bumps)));
  for (let topic = 0; topic < shape.topics; topic += 1) {
    const commits = [];
    if (bumpAt.has(topic)) {
      const files = [...manifests, ...vendor.filter(() => random.chance(0.5))];
      commits.push({ message: `vendor: bump github.com/containerd/containerd to v1.7.${topic}`, edits: files.flatMap((file) => upEdits(file, 3)), isBump: true });
    } else {
      for (let count = random.int(1, 4); count > 0; count -= 1) {
        const edits = Array.from({ length: random.int(1, 3) }, () => random.pick(source)).flatMap((file) => upEdits(file, random.int(1, 2)));
        if (edits.length > 0) commits.push({ message: upstreamSubject(random, topics.length * 4 + count), edits });
      }
    }
    for (const commit of commits) for (const { file } of commit.edits) touched.add(file);
    topics.push(commits);
  }
  const all = topics.flat();
  const pickable = all.filter((commit) => !commit.isBump);
  const backported = new Set(pickable.filter(() => random.chance(shape.backports / pickable.length)));
  // The fork's patches: its Dockerfiles, CI, pins and skipped tests first, then files upstream also changed.
  const firstCarries = [byKind('dockerfile'), byKind('workflow'), byKind('gomod', 'gosum'), byKind('test').slice(0, 6)];
  const carryFiles = byKind('test', 'go');
  const unpicked = all.filter((commit) => !backported.has(commit) && !commit.isBump).flatMap((commit) => commit.edits);
  const carries = Array.from({ length: shape.carries }, (_, index) => {
    const files = firstCarries[index] ?? Array.from({ length: random.int(1, 4) }, () => (random.chance(0.6) ? random.pick([...touched]) : random.pick(carryFiles)));
    const edits = files.flatMap((file) => take(file, 1, random.int(1, 3)).map((block) => ({ file, block, edit: editId('fork', forkEdits++) })));
    // A carry that rewrites what upstream also rewrote: a `both` hunk and a merge conflict.
    if (index < shape.conflicts && unpicked.length > 0) {
      const theirs = unpicked.splice(random.int(0, unpicked.length - 1), 1)[0];
      edits.push({ file: theirs.file, block: theirs.block, edit: editId('fork', forkEdits++) });
    }
    return { message: forkSubject(random, index), edits };
  });
  return { steps: interleave(random, topics, carries, backported), commits: { upstream: all.length, merges: topics.length, carries: carries.length, backports: backported.size } };
}

/** Upstream topics merged in turn; after each, some fork work: carries spread evenly, backports of what is merged. */
function interleave(random, topics, carries, backported) {
  const steps = [{ op: 'base', message: 'v0.11.0' }];
  let carried = 0;
  topics.forEach((commits, topic) => {
    steps.push({ op: 'branch', name: 'topic', from: 'upstream' });
    for (const commit of commits) steps.push({ op: 'commit', branch: 'topic', message: commit.message, edits: commit.edits });
    steps.push({ op: 'merge', into: 'upstream', from: 'topic', message: `Merge pull request #${5000 + topic} from dev/topic-${topic}` });
    for (const commit of commits) if (backported.has(commit)) steps.push({ op: 'commit', branch: 'fork', message: commit.message, edits: commit.edits });
    for (; carried < Math.round(((topic + 1) * carries.length) / topics.length); carried += 1) steps.push({ op: 'commit', branch: 'fork', ...carries[carried] });
  });
  return steps;
}
