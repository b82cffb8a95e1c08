import picomatch from 'picomatch';
import type { FileDiff, OtherKind } from '../model.js';

/**
 * Path globs behind the path-based categories, matched (see globMatcher)
 * against the path without diff prefixes.
 */
export const WORKFLOW_GLOBS = [
  '.github/workflows/**',
  '.github/actions/**',
  // Forgejo and Gitea Actions: GitHub's workflow syntax, in their own directories (forks kept on Codeberg).
  '.forgejo/workflows/**',
  '.gitea/workflows/**',
  // Woodpecker (Codeberg's CI) and Drone: one file, or Woodpecker's directory of them.
  '.woodpecker.{yml,yaml}',
  '.woodpecker/**',
  '.drone.{yml,yaml}',
  '**/.gitlab-ci.yml',
  // GitLab CI's includes and scripts (freedesktop and GNOME projects keep them in .gitlab-ci/, GitLab itself in .gitlab/ci/).
  '.gitlab-ci/**',
  '.gitlab/ci/**',
  '.circleci/**',
  '**/Jenkinsfile',
  '**/azure-pipelines.yml',
  '.buildkite/**',
  '**/.travis.yml',
  // Zuul, OpenStack's CI: one file or a directory of them.
  '.zuul.yaml',
  'zuul.yaml',
  '.zuul.d/**',
  'zuul.d/**',
];

export const DOCKERFILE_GLOBS = [
  '**/Dockerfile',
  '**/Dockerfile.*',
  // docker build falls back to a lowercase name (uptime-kuma's docker/dockerfile).
  '**/dockerfile',
  '**/*.Dockerfile',
  '**/*.dockerfile',
  '**/Containerfile',
  '**/Containerfile.*',
  '**/docker-bake.hcl',
  '**/docker-bake.json',
  '**/docker-compose*.{yml,yaml}',
  '**/compose.{yml,yaml}',
  '**/compose.*.{yml,yaml}',
];

export const DEPENDENCY_GLOBS = [
  'vendor/**',
  '**/vendor/**',
  // npm packages checked in (nektos/act's testdata actions): dependencies, not the project's manifests or tests.
  '**/node_modules/**',
  // Third-party trees (see isVendoredPath): a row per library, as a vendor directory's.
  'deps/*/**',
  '**/third_party/**',
  '**/third-party/**',
  '**/3rdparty/**',
  '**/go.mod',
  '**/go.sum',
  '**/go.work',
  '**/go.work.sum',
  '**/vendor.conf',
  '**/package.json',
  '**/package-lock.json',
  '**/npm-shrinkwrap.json',
  '**/yarn.lock',
  '**/pnpm-lock.yaml',
  '**/Cargo.toml',
  '**/Cargo.lock',
  '**/requirements*.txt',
  // OpenStack's test-requirements.txt, lint-requirements.txt, doc-requirements.txt.
  '**/*-requirements.txt',
  '**/requirements/*.txt',
  '**/poetry.lock',
  '**/pyproject.toml',
];

/** Test files by the conventions of Go, JS/TS, Python, Rust and Java. */
export const TEST_GLOBS = [
  '**/*_test.go',
  '**/*.{test,spec}.{js,jsx,ts,tsx,mjs,cjs,mts,cts}',
  '**/__tests__/**',
  '**/test_*.py',
  '**/*_test.py',
  // Code under a test directory: suites named by prefix (uptime-kuma's test/backend-test/test-ntp.js), C
  // tests (libfprint's tests/test-fpi-device.c, valkey's tests/modules/*.c), e2e helpers (incus-ui's
  // tests/helpers/*.ts), conftest.py. Go only under the repository's own test/ (LXD's test/mini-oidc, the
  // end-to-end suites of test/e2e): its tests are *_test.go wherever they are, and a Go package named tests
  // deeper down is as likely a feature's (tofu-ls's internal/features/tests).
  '**/{test,tests}/**/*.{py,rs,tcl,c,h,cc,cpp,hpp,js,jsx,ts,tsx,mjs,cjs,mts,cts}',
  '{test,tests}/**/*.go',
  '**/src/test/**',
  '**/*Test.java',
  '**/*Tests.java',
];

const DOC_GLOBS = [
  // MDX: Markdown with components, the docs of Docusaurus and Next.js sites (terraform's website/docs).
  '**/*.{md,mdx,markdown,rst,adoc,asciidoc,txt}',
  'docs/**',
  // ckan's, git's and redis's documentation sit in a root doc/ (Sphinx's conf.py with them).
  'doc/**',
  // Manual pages: roff named by section (coredns's man/coredns-geoip.7, generated from its READMEs;
  // Debian's debian/keydb-cli.1), not a versioned name (tofu's testdata terraform-foo-bar_v0.0.1).
  '**/*[^0-9].[1-9]',
  'man/**',
  '**/LICENSE*',
  '**/NOTICE*',
  '**/AUTHORS*',
  '**/CHANGELOG*',
];

const BUILD_GLOBS = [
  '**/Makefile',
  '**/*.mk',
  '**/GNUmakefile',
  'hack/**',
  'scripts/**',
  'build/**',
  '**/*.sh',
  '**/CMakeLists.txt',
  '**/*.{bazel,bzl}',
  '**/BUILD',
  '**/Taskfile.{yml,yaml}',
  '**/.goreleaser.{yml,yaml}',
  '**/.golangci.{yml,yaml}',
  // JavaScript's tooling, configured in code: linters, formatters, test runners, bundlers (libsignal's
  // eslint.config.js, incus-ui's vite.config.ts). Not a framework's runtime config (next.config.js).
  '**/{eslint,prettier,stylelint,commitlint,jest,vitest,karma,playwright,cypress,vite,webpack,rollup,esbuild,babel,postcss,tailwind}.config.{js,cjs,mjs,ts,cts,mts}',
  '**/.{eslintrc,prettierrc,stylelintrc,babelrc}.{js,cjs,mjs}',
  '**/{Gruntfile,gulpfile}.{js,cjs,mjs}',
];

/**
 * A path matcher for globs. `dot: true` so `.github/**` works; `flags: 's'`
 * so that `**` and `*` match a CR, LF or U+2028/9 inside a name like any
 * other character: without it `ci\rx/Dockerfile` matched no category and its
 * drift went unseen.
 */
export const globMatcher = (globs: readonly string[]): ((path: string) => boolean) => {
  if (globs.length === 0) return () => false;
  const matches = picomatch([...globs], { dot: true, flags: 's' });
  // Classifiers ask about one file after another: half the questions repeat the last path (a dense diff's 130,500 calls).
  let lastPath: string | null = null;
  let lastAnswer = false;
  return (path) => {
    if (path !== lastPath) {
      lastAnswer = matches(path);
      lastPath = path;
    }
    return lastAnswer;
  };
};

export const isWorkflowPath = globMatcher(WORKFLOW_GLOBS);
export const isDockerfilePath = globMatcher(DOCKERFILE_GLOBS);
export const isDependencyPath = globMatcher(DEPENDENCY_GLOBS);
/**
 * Code a project keeps of other projects: Go's and npm's vendor directories,
 * and the C convention of third-party trees (redis's, valkey's and KeyDB's
 * `deps/jemalloc/`, `deps/lua/`; Chromium's and many others' `third_party/`).
 * Their changes are a library's version, not the fork's fixes, tests or CI
 * (KeyDB's jemalloc 5.2.1 against redis's 5.1.0 read as 17 removed guards).
 */
export const isVendoredPath = globMatcher(['vendor/**', '**/vendor/**', '**/node_modules/**', 'deps/*/**', '**/third_party/**', '**/third-party/**', '**/3rdparty/**']);
export const isTestPath = globMatcher(TEST_GLOBS);
export const isDocPath = globMatcher(DOC_GLOBS);
/** Generated sources that test globs may catch: protobuf and gRPC stubs, type stubs, mocks, snapshots. */
export const isGeneratedPath = globMatcher(['**/*.pb.go', '**/*_pb2*.py', '**/*.pyi', '**/zz_generated*', '**/__snapshots__/**', '**/*.snap', '**/mock_*.go', '**/*_mock.go']);
export const isBuildPath = globMatcher(BUILD_GLOBS);

/**
 * The fork's own files of a path category: not a vendored module's
 * (`vendor/github.com/google/uuid/.travis.yml`, a snapshotter's Dockerfile),
 * which is the module's row in vendored-deps.
 */
export const isOwn = (isPath: (path: string) => boolean) => (path: string): boolean => isPath(path) && !isVendoredPath(path);

/** A file is in a path category when its path matches on either side of a rename. */
export const isFileAt = (file: FileDiff, isPath: (path: string) => boolean): boolean =>
  isPath(file.path) || (file.oldPath !== null && isPath(file.oldPath));

/** Source code in the sense of reverted-fixes: not tests, vendored code, docs or build files. */
export const isSourcePath = (path: string): boolean =>
  !isVendoredPath(path) && !isTestPath(path) && !isDocPath(path) && !isWorkflowPath(path) &&
  !isDockerfilePath(path) && !isDependencyPath(path) && !isBuildPath(path);

/** How a file in `other` is reported: fork additions first, then by path. */
export function otherKindOf(path: string, isAdded: boolean): OtherKind {
  if (isAdded) return 'fork-addition';
  if (isTestPath(path)) return 'test';
  if (isDocPath(path)) return 'docs';
  if (isBuildPath(path)) return 'build';
  return 'source';
}
