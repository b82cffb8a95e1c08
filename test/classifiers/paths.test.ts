import { describe, expect, it } from 'vitest';
import { isSourcePath, isTestPath } from '../../src/classifiers/paths.js';

describe('test paths', () => {
  it("reads code under a test directory as tests, Go only under the repository's own test/", () => {
    const tests = [
      'tests/test-fpi-device.c', // libfprint's GLib tests
      'tests/test-utils.h',
      'tests/modules/misc.c', // valkey's test modules
      'tests/helpers/devices.ts', // incus-ui's Playwright helpers
      'node/ts/test/chat/AuthDevicesServiceTest.ts', // libsignal's mocha suites
      'test/backend-test/test-ntp.js',
      'test/conftest.py',
      'netbox/dcim/tests/utils.py',
      'src/tests/lib.rs',
      'client/client_test.go',
      'test/mini-oidc/main.go', // LXD's OIDC provider for its test suite
      'test/e2e/framework/util.go',
    ];
    expect(tests.filter((path) => !isTestPath(path))).toEqual([]);
    expect(tests.filter(isSourcePath)).toEqual([]);
  });

  it('leaves shipped code alone: a Go package named tests, and names that only contain test', () => {
    const source = [
      'internal/features/tests/jobs/parse.go', // tofu-ls's support for .tftest files
      'src/testing/harness.ts',
      'lib/attestation.c',
      'src/contest/entry.py',
    ];
    expect(source.filter(isTestPath)).toEqual([]);
    expect(source.filter((path) => !isSourcePath(path))).toEqual([]);
  });

  it("reads JavaScript's tool configuration as build files, not source", async () => {
    const { otherKindOf } = await import('../../src/classifiers/paths.js');
    const tooling = ['node/eslint.config.js', 'vite.config.ts', 'web/.eslintrc.cjs', 'jest.config.mjs', 'gulpfile.js'];
    expect(tooling.filter(isSourcePath)).toEqual([]);
    expect(tooling.map((path) => otherKindOf(path, false))).toEqual(tooling.map(() => 'build'));
    // An app's own config module, and a framework's runtime config, stay source.
    expect(['src/app.config.ts', 'next.config.js', 'src/config.js'].filter((path) => !isSourcePath(path))).toEqual([]);
  });

  it('reads documentation by its format wherever it sits: MDX and AsciiDoc pages are docs, not source', async () => {
    const { otherKindOf } = await import('../../src/classifiers/paths.js');
    // terraform keeps its site's pages under website/docs, not a root docs/: only the extension says so.
    const docs = ['website/docs/language/expressions/custom-conditions.mdx', 'guide/intro.asciidoc', 'README.md', 'doc/api.rst'];
    expect(docs.filter(isSourcePath)).toEqual([]);
    expect(docs.map((path) => otherKindOf(path, false))).toEqual(docs.map(() => 'docs'));
    // A component next to them is code.
    expect(['website/components/Tabs.tsx', 'website/docs/plugin.js'].filter((path) => !isSourcePath(path))).toEqual([]);
  });

  it('reads manual pages as docs: roff named by its section, and a root man/', async () => {
    const { otherKindOf } = await import('../../src/classifiers/paths.js');
    // coredns generates man/coredns-geoip.7 from its README: its .fi and .nf lines are no code.
    const pages = ['man/coredns-geoip.7', 'man/coredns.1.md', 'pkg/deb/debian/keydb-cli.1', 'deps/lua/doc/luac.1', 'sqlcipher.1', 'man/Makefile.in'];
    expect(pages.filter(isSourcePath)).toEqual([]);
    expect(pages.slice(0, 5).map((path) => otherKindOf(path, false))).toEqual(pages.slice(0, 5).map(() => 'docs'));
    // A name that ends in a version is not a page: opentofu's plugin stand-ins, a C file beside man/.
    expect(['internal/plugin/discovery/testdata/current-style-plugins/mockos_mockarch/terraform-foo-bar_v0.0.1', 'src/man.c', 'src/man/page.go'].filter((path) => !isSourcePath(path))).toEqual([]);
  });

  it("reads third-party trees as vendored code: redis's deps/<library>/, third_party/, not the project's own deps code or files", async () => {
    const { isVendoredPath } = await import('../../src/classifiers/paths.js');
    const vendored = ['deps/jemalloc/src/arena.c', 'deps/lua/src/strbuf.c', 'src/third_party/abseil/strings.cc', 'third-party/zlib/inflate.c', 'lib/3rdparty/fmt/format.h'];
    expect(vendored.filter((path) => !isVendoredPath(path))).toEqual([]);
    expect(vendored.filter(isSourcePath)).toEqual([]);
    // redis's deps/Makefile builds them: the project's own; so is a package named deps below the root.
    expect(['deps/Makefile', 'src/deps/resolve.go', 'src/server.c'].filter(isVendoredPath)).toEqual([]);
  });
});
