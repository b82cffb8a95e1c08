// Commit messages in the shapes forkdiff reads: fix words and CVE ids
// upstream (they rank the sync plan and mark fixes), carry conventions on
// the fork (`UBUNTU: SAUCE:`, `UPSTREAM: <carry>:`, `[CARRY]`).
const AREAS = ['solver', 'cache', 'exporter', 'frontend', 'worker', 'session', 'snapshot', 'resolver', 'control', 'executor'];
const WORK = ['refactor loading of', 'simplify', 'speed up', 'document', 'rename fields of', 'log more about', 'tidy tests of'];
const FIXES = ['fix nil dereference in', 'fix race when releasing', 'fix deadlock in', 'fix leak of', 'handle error from', 'fix panic on empty'];
const CARRIES = ['UBUNTU: SAUCE: build on ubuntu base images', 'UPSTREAM: <carry>: publish images to GHCR', '[CARRY] read Artifactory credentials from secrets', 'UBUNTU: SAUCE: skip tests that need a rootless worker', 'UPSTREAM: <carry>: pin containerd to the archive version', 'UPSTREAM: <drop>: comment out jobs we do not run'];

export function upstreamSubject(random, index) {
  const area = random.pick(AREAS);
  const roll = random.next();
  if (roll < 0.01) return `${area}: fix CVE-2024-${random.int(20000, 49999)} path traversal`;
  if (roll < 0.2) return `${area}: ${random.pick(FIXES)} ${random.pick(AREAS)} records (#${4000 + index})`;
  return `${area}: ${random.pick(WORK)} ${random.pick(AREAS)} (#${4000 + index})`;
}

export function forkSubject(random, index) {
  return random.chance(0.3) ? `${random.pick(CARRIES)} (${index})` : `${random.pick(AREAS)}: ubuntu patch ${index}`;
}
