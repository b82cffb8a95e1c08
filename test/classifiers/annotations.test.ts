import { describe, expect, it } from 'vitest';
import { OUTSIDE_SIGNATURE, unannotatedLines, withoutAnnotations } from '../../src/classifiers/fixes/annotations.js';
import revertedFixes from '../../src/classifiers/reverted-fixes.js';
import { classifyAll, gitContext, parseDiff } from './helpers.js';

/** Lines stripped in turn, as a hunk's are. */
const stripped = (lines: string[]): string[] => {
  let state = OUTSIDE_SIGNATURE;
  return lines.map((line) => {
    const next = withoutAnnotations(line, state);
    state = next.state;
    return next.text;
  });
};

describe('withoutAnnotations', () => {
  it("drops a def's parameter and return annotations, keeping defaults, stars and strings", () => {
    expect(stripped([
      'def after_invoke(coro: Hook[CogT, ContextT], /) -> Callable[[T], T]:',
      'def after_invoke(coro) -> Callable[[T], T]:',
      'async def f(x: int = 5, *args: P.args, sep: str = ":", **kwargs: P.kwargs) -> None:',
      'def g(self, data: Dict[str, "Payload"]) -> "Optional[int]":',
    ])).toEqual([
      'def after_invoke(coro):',
      'def after_invoke(coro):',
      'async def f(x = 5, *args, sep = ":", **kwargs):',
      'def g(self, data):',
    ]);
  });

  it('follows a signature over several lines', () => {
    expect(stripped([
      'def hooked_wrapped_callback(',
      'command: Command[Any, ..., Any], ctx: Context[BotT], coro: Callable[P, Coro[T]], /',
      ') -> Callable[P, Coro[Optional[T]]]:',
      'return x',
    ])).toEqual(['def hooked_wrapped_callback(', 'command, ctx, coro', '):', 'return x']);
  });

  it("drops an annotated assignment's annotation, and leaves every other colon alone", () => {
    expect(stripped(["self.available: bool = data.get('available', True)", 'timeout: Optional[float] = None']))
      .toEqual(["self.available = data.get('available', True)", 'timeout = None']);
    const untouched = ['self.me: Optional[ThreadMember]', 'if x: return', "'key': value,", 'd = {a: b}', 'x: int == y', 'else:'];
    expect(stripped(untouched)).toEqual(untouched);
  });
});

describe('unannotatedLines', () => {
  it('finds the lines the fork has without annotations, on one line or re-flowed, and no others', () => {
    const removed = [
      'def after_invoke(coro: Hook[CogT, ContextT], /) -> Callable[[T], T]:',
      null,
      'def hooked_wrapped_callback(',
      'command: Command[Any, ..., Any], ctx: Context[BotT], coro: Callable[P, Coro[T]], /',
      ') -> Callable[P, Coro[Optional[T]]]:',
      "self.available: bool = data.get('available', True)",
      'if self._permissions is None:',
      'limit: int = 100',
    ];
    const forkOnly = ['def after_invoke(coro) -> Callable[[T], T]:', 'def hooked_wrapped_callback(command, ctx, coro):'];
    const forkLines = new Set([...forkOnly, "self.available = data.get('available', True)"]);
    expect([...unannotatedLines(removed, removed, forkOnly, forkLines)].sort((a, b) => a - b)).toEqual([0, 2, 3, 4, 5]);
    // Without the fork's joined signature, its three lines stay missing.
    expect([...unannotatedLines(removed, removed, forkOnly.slice(0, 1), new Set(forkOnly.slice(0, 1)))].sort((a, b) => a - b)).toEqual([0]);
  });

  it('reads a signature whose def line both sides kept line by line, as the fork rewrote it', () => {
    // fixtures/forks/python-poetry.mjs's client: `def fetch(` is context, its parameters and return are not.
    const upstream = ['def fetch(', 'session: "Session", url: str, timeout: float = 30', ') -> dict:', 'response = session.get(url, timeout=timeout)'];
    const removed = [null, upstream[1] ?? '', upstream[2] ?? '', null];
    const forkOnly = ['session, url, timeout=30', '):'];
    expect([...unannotatedLines(upstream, removed, forkOnly, new Set(forkOnly))].sort((a, b) => a - b)).toEqual([1, 2]);
    // Removed whole, a signature counts only whole: a lone `):` elsewhere in the fork is not it.
    expect([...unannotatedLines(['def f(', 'x: int', ') -> int:'], ['def f(', 'x: int', ') -> int:'], ['def g(y):'], new Set(['def g(y):', '):']))]).toEqual([]);
  });

  it('finds nothing in lines without annotations', () => {
    expect([...unannotatedLines(['if x is None:', 'return'], ['if x is None:', 'return'], ['if x:'], new Set(['if x:']))]).toEqual([]);
  });
});

describe('reverted-fixes and annotations', () => {
  // nextcord carries discord.py's code untyped: upstream's typing commits are no fixes it lacks.
  const diff = `diff --git a/nextcord/asset.py b/nextcord/asset.py
--- a/nextcord/asset.py
+++ b/nextcord/asset.py
@@ -10,9 +10,6 @@ class Asset:
-    def __eq__(self, other: object) -> bool:
+    def __eq__(self, other):
         return isinstance(other, Asset) and self._url == other._url
-    async def save(
-        self, fp: Union[str, bytes, os.PathLike[Any]], *, seek_begin: bool = True
-    ) -> int:
+    async def save(self, fp, *, seek_begin=True):
         data = await self.read()
-        if fp is None:
-            return 0
`;
  const context = (lines: number[]) => ({
    ...gitContext({}),
    linesOf: () => ({ upstream: new Map(lines.map((line) => [line, { side: 'upstream' as const, commits: ['5aa696cc'] }])), fork: new Map() }),
    commitSubject: () => 'Fix type hints in Asset (#9040)',
  });

  it('reads no missing fix in annotations the fork has not got, and keeps them beside lines it does lack', async () => {
    const findings = await classifyAll(revertedFixes, await parseDiff(diff), context([10, 12, 13, 14, 16, 17]));
    // The nil check makes the finding, placed at its own line; the signatures stay in its evidence (its identity) and lead nothing.
    expect(findings.map((finding) => [finding.details['evidence'], finding.line, finding.message])).toEqual([[
      ['def __eq__(self, other: object) -> bool:', 'async def save(', 'self, fp: Union[str, bytes, os.PathLike[Any]], *, seek_begin: bool = True', ') -> int:', 'if fp is None:', 'return 0'],
      16,
      'fork lacks upstream nil check: if fp is None: return 0 (+4 more lines)',
    ]]);
    const typingOnly = diff.split('\n').slice(0, 12).join('\n') + '\n';
    expect(await classifyAll(revertedFixes, await parseDiff(typingOnly), context([10, 12, 13, 14]))).toEqual([]);
  });

  it('reads annotations only in Python', async () => {
    const scala = diff.replaceAll('nextcord/asset.py', 'src/Asset.scala').split('\n').slice(0, 12).join('\n') + '\n';
    expect(await classifyAll(revertedFixes, await parseDiff(scala), context([10, 12, 13, 14]))).toHaveLength(1);
  });
});
