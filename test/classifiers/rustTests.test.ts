import { describe, expect, it } from 'vitest';
import { rustTestLines, rustTestLinesOfHunks } from '../../src/classifiers/fixes/rustTests.js';
import revertedFixes from '../../src/classifiers/reverted-fixes.js';
import { classifyAll, diffFileContext, gitContext, parseDiff } from './helpers.js';

describe('rustTestLines', () => {
  it("numbers the lines of items compiled for tests alone, to the lone `}` at their attribute's indentation", () => {
    expect([...rustTestLines([
      'fn area(w: u32, h: u32) -> u32 {', //              1
      '    w * h', //                                     2
      '}', //                                             3
      '#[cfg(test)]', //                                  4
      'mod tests {', //                                   5
      '    use super::*;', //                             6
      '    #[test]', //                                   7
      '    fn square() {', //                             8
      '        let json = r#"{', //                       9
      '}"#;', //                                         10
      '        assert_eq!(area(2, 2), 4);', //           11
      '    }', //                                        12
      '}', //                                            13
      '#[cfg(any(test, feature = "bench"))]', //         14
      'pub fn helper() {}', //                           15
      '#[cfg(all(test, unix))]', //                      16
      '#[allow(dead_code)]', //                          17
      'fn unix_only() {', //                             18
      '}', //                                            19
      '#[cfg(test)]', //                                 20
      'fn one_line() { assert!(true) }', //              21
      '    #[cfg(test)] mod inline;', //                 22
      'fn shipped() {}', //                              23
    ].join('\n'))]).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 21, 22]);
  });

  it('numbers every line of a module compiled for tests alone, and runs an item left open to the end', () => {
    expect([...rustTestLines('#![cfg(test)]\nuse super::*;\nfn t() {}')]).toEqual([1, 2, 3]);
    expect([...rustTestLines('fn a() {}\n#[cfg(test)]\nmod tests {\n    fn t() {}')]).toEqual([2, 3, 4]);
    expect([...rustTestLines('fn a() {}\r\n#[cfg(test)]\r\nmod tests {\r\n}\r\nfn b() {}\r\n')]).toEqual([2, 3, 4]);
  });
});

describe('reverted-fixes on Rust in git mode', () => {
  // alacritty's bdb72b32 "Fix overflow on line damage below the viewport": the fix, and its test in `mod tests`.
  const upstream = [
    'fn rect(y_top: u32, line: usize, height: u32) -> i32 {', // 1
    '    let y = y_top as i32 - (line + 1) as i32 * height as i32;', // 2
    '    y', //                                                  3
    '}', //                                                      4
    '', //                                                       5
    '#[cfg(test)]', //                                           6
    'mod tests {', //                                            7
    '    #[test]', //                                            8
    '    fn damage_line_outside_viewport() {', //                9
    '        if rect(100, 2, 40) >= 0 {', //                    10
    '            panic!("not below the viewport");', //         11
    '        }', //                                             12
    '    }', //                                                 13
    '}', //                                                     14
  ].join('\n');
  const diff = `diff --git a/src/damage.rs b/src/damage.rs
--- a/src/damage.rs
+++ b/src/damage.rs
@@ -1,4 +1,4 @@
 fn rect(y_top: u32, line: usize, height: u32) -> i32 {
-    let y = y_top as i32 - (line + 1) as i32 * height as i32;
+    let y = y_top - (line + 1) as u32 * height;
     y
 }
@@ -7,8 +7,2 @@ mod tests {
 mod tests {
-    #[test]
-    fn damage_line_outside_viewport() {
-        if rect(100, 2, 40) >= 0 {
-            panic!("not below the viewport");
-        }
-    }
 }
`;
  const context = {
    ...gitContext({ upstream: { 'src/damage.rs': upstream } }),
    linesOf: () => ({ upstream: new Map([2, 8, 9, 10, 11, 12, 13].map((line) => [line, { side: 'upstream' as const, commits: ['bdb72b32'] }])), fork: new Map() }),
    commitSubject: () => 'Fix overflow on line damage below the viewport',
  };

  it("reads the fix the fork lacks, and not the test that came with it (removed-tests' to report)", async () => {
    const findings = await classifyAll(revertedFixes, await parseDiff(diff), context);
    expect(findings.map((finding) => [finding.line, finding.message])).toEqual([
      [2, 'fork lacks upstream fix: let y = y_top as i32 - (line + 1) as i32 * height as i32;'],
    ]);
  });

  it("reads the test as a test in a saved diff too, where git named `mod tests` as the hunk's context", async () => {
    // Without a fix commit, the fix's line has no signal of its own there; the test's `>= 0` guard was a zero-value check.
    expect(await classifyAll(revertedFixes, await parseDiff(diff), diffFileContext())).toEqual([]);
  });
});

describe('rustTestLinesOfHunks', () => {
  it("numbers a hunk's upstream lines inside the test module its context names or its lines open, and no further", async () => {
    const [file] = await parseDiff(`diff --git a/src/lib.rs b/src/lib.rs
--- a/src/lib.rs
+++ b/src/lib.rs
@@ -40,6 +40,5 @@ mod tests {
     fn last_test() {
-        assert!(check());
     }
 }
 
-fn shipped() -> bool {
+fn shipped() -> u8 {
@@ -60,5 +59,2 @@ fn shipped() -> bool {
-#[cfg(test)]
-mod more_tests {
-    fn t() {}
 }
 fn after() {}
`);
    // 40-43 are the module's end; 44 is blank and 45 shipped code after it. 60-63 open and close another test module.
    expect([...rustTestLinesOfHunks(file!.hunks)]).toEqual([40, 41, 42, 43, 60, 61, 62, 63]);
  });
});
