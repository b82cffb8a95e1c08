import type { CommitInfo } from '../model.js';
import type { Repo } from './repo.js';
import { runGitWithInput } from './spawnGit.js';

/** A commit as read from `git log`, with its full message for revert detection. */
export interface LoggedCommit extends CommitInfo {
  body: string;
  /** `git log --left-right --cherry-mark`'s mark: `<` left only, `>` right only, `=` equivalent (same patch-id) on the other side; '' otherwise. */
  mark: string;
  parents: string[];
  /** The name on the command line the log reached it from (`%S`): on a symmetric range, the tip of its side. */
  source: string;
}

const FIELD = '\x1f';
const RECORD = '\x1e';
const FORMAT = `--format=%m${FIELD}%H${FIELD}%P${FIELD}%s${FIELD}%an${FIELD}%aI${FIELD}%S${FIELD}%B${RECORD}`;

const FIX_SUBJECT = /\b(fix(es|ed)?|bug|cve-\d+|security|race|deadlock|leak|panic|backport)/i;
/**
 * Failures named as such, whole words: `avoid crash on repeated …`, `avoid
 * hangs in the handshake`, `"array set" segfault`, `handle … gracefully`,
 * `prevent X11 clients from blowing our stack`. Not `typo`, `regression`
 * (mostly `add regression test`), `overflow` (`text-overflow`) or `avoid`
 * (`to avoid flaky tests`): a fork lacks no behaviour by them.
 */
const FAILURE_SUBJECT = /\b(?:crash(?:es|ed)?|hangs?|segfaults?|gracefully|use[- ]after[- ]free|(?:nil|null) pointer|prevent(?:s|ed|ing)?)\b/i;

/**
 * The commit and path pairs of `git log -z --name-only --format=%x01%H`
 * output, in its order: each commit's id after `\x01`, then its paths (the
 * first after a newline), NUL-terminated. A commit `-m` shows once per
 * parent comes as often.
 */
export function* nameOnlyEntries(output: string): Generator<{ sha: string; path: string }> {
  let sha = '';
  for (const token of output.split('\0').map((part) => part.replace(/^\n/, ''))) {
    if (token.startsWith('\x01')) sha = token.slice(1).trim();
    else if (token.length > 0 && sha !== '') yield { sha, path: token };
  }
}

/** The Gerrit Change-Ids (`Change-Id: I…` trailers) a commit message, or a log of many, carries. */
export const changeIdsOf = (text: string): string[] => [...text.matchAll(/^Change-Id:\s*(I[0-9a-f]{40})\s*$/gm)].map((match) => match[1] ?? '');

/** `Revert "…"`: a commit that undoes another, whatever that one said it did. */
export const isRevertSubject = (subject: string): boolean => /^revert\b/i.test(subject);

/**
 * A commit its subject scopes to documentation (`docs: fix typos`,
 * `doc/reference/release-notes: Adds security fixes to 5.21.6 release notes`,
 * `readme: fix broken link`): whatever it fixes or says about security, the
 * product's behaviour is not it.
 */
export const isDocsSubject = (subject: string): boolean => DOCS_SUBJECT.test(subject) || POLICY_SUBJECT.test(subject);
const DOCS_SUBJECT = /^(?:docs?(?:\/[\w./-]*)?|documentation|readme(?:\.md)?|release[- ]notes|changelog)(?:\([^)]*\))?!?:/i;
/** The security policy's file as a scope (LXD's `SECURITY: new policy`); `Security: drop setuid bit` is a tag, not it. */
const POLICY_SUBJECT = /^(?:SECURITY|[Ss]ecurity\.md):/;

/**
 * A commit its subject scopes to CI or to the test suite (LXD's `github:
 * harden inlined scripts in security workflow`, `dependabot: only track
 * security updates for 5.0`, `test/suites/serverconfig: … check for CSRF
 * protection`): the security it speaks of is the pipeline's or the tests',
 * not a fix the product ships. An advisory id it names still counts.
 */
const isPipelineSubject = (subject: string): boolean => PIPELINE_SUBJECT.test(subject);
const PIPELINE_SUBJECT = /^(?:\.?github(?:\/[\w./-]*)?|ci|gha|workflows?|dependabot|renovate|tests?(?:\/[\w./-]*)?)(?:\([^)]*\))?!?:/i;

/**
 * The subject a `Revert "<subject>"` commit names, or undefined. A squash
 * merge puts its pull request number last (nextcord's
 * `Revert "fix subscription is so so so so low (#471)" (#498)`).
 */
export const revertedSubjectOf = (subject: string): string | undefined => /^Revert "(.+)"(?:\s+\(#\d+\))*$/.exec(subject)?.[1];

/**
 * Does a subject read as a fix? (fix, bug, CVE, security, race, deadlock,
 * leak, panic, backport; a crash, hang or segfault; handled gracefully) A
 * revert of a fix undoes the fix: `Revert "fix: …"` is not itself a fix; nor
 * is a documentation commit (`docs: fix typos`), nor one that names a
 * linter it satisfies (cni-plugins' "mechanical: fix lint errors", whose
 * rewritten `vlanFiltering := n.Vlan != 0 || n.VlanTrunk != nil` read as
 * a nil check an older fork branch lacks; "fix revive linter").
 */
export const isFixSubject = (subject: string): boolean =>
  mayBeFix(subject) && !LINT_SUBJECT.test(subject) && !isTypeCheckSubject(subject) && (FIX_SUBJECT.test(subject) || FAILURE_SUBJECT.test(subject));

/**
 * Does a subject say it satisfies a type checker? (`fix type errors`,
 * `chore(frontend): fix typecheck`, `mypy errors`, misskey's
 * `Paginatorの型エラー解消`, "resolve the type errors") The guards such a
 * commit adds narrow a type (`if (chartEl.value == null) return;`), as a
 * lint fix satisfies a linter: no behaviour a fork lacks. Python's
 * `TypeError` is a crash, and still a fix.
 */
export const isTypeCheckSubject = (subject: string): boolean => TYPE_CHECK_SUBJECT.test(subject);
const TYPE_CHECKERS = 'mypy|pyright|tsc|vue-tsc|sorbet';
const TYPE_CHECK_SUBJECT = new RegExp(
  // `type errors`, `typecheck errors`, `fix typecheck`, `typing issues`, `mypy errors`; not `TypeError`, a `type error in the parser`, or a crash in a type checker.
  `\\btype[- ]?errors\\b|\\btype[- ]?check(?:ing|er)?\\s+(?:errors?|issues?|failures?|warnings?)\\b|\\bfix(?:es|ed)?\\s+(?:the\\s+)?type[- ]?check(?:ing|s)?\\b` +
    `|\\btyping (?:errors|issues)\\b|\\b(?:${TYPE_CHECKERS})\\s+(?:errors?|issues?|warnings?|complaints?)\\b|型エラー`,
  'i',
);

/** A revert undoes what it names, and documentation changes no behaviour: neither is a fix, whatever else its message says. */
const mayBeFix = (subject: string): boolean => !isRevertSubject(subject) && !isDocsSubject(subject);
const LINTERS = 'golangci-lint|revive|staticcheck|gofmt|gofumpt|eslint|flake8|ruff|pylint|clippy|shellcheck|checkpatch';
const LINT_SUBJECT = new RegExp(
  // `lint: …` as the scope; `golangci-lint warnings`, `clippy lints`; `fix lint errors`, `fix revive linter`; a linter's own fixes stay fixes (`clippy: fix false positive …`).
  `^lint(?:er|ing)?(?:\\([^)]*\\))?!?:|\\b(?:lint(?:s|er|ers|ing)?|${LINTERS})\\s+(?:errors?|warnings?|issues?|findings?|complaints?|nits?|lints?)\\b|\\bfix(?:es|ed)?\\s+(?:the\\s+|some\\s+|all\\s+|a\\s+)?(?:[\\w-]+\\s+)?lint(?:s|er|ers|ing)?\\b`,
  'i',
);

/**
 * Does a message say, in a trailer of its own line, which bug it fixes?
 * `Fixes: #1221` (cni-plugins' "bandwidth: handle nil bandwidth in CHECK",
 * a segfault its subject does not name), `Fixes #12`, `Fixes: 1a2b3c4d
 * ("subject")` as the kernel writes it, an issue's address, or a tracker's
 * key (`Fixes: OCPBUGS-5289`). Not in a revert or a documentation commit,
 * as with the subject.
 */
export const isFixTrailer = (subject: string, body: string): boolean => mayBeFix(subject) && FIXES_TRAILER.test(body);
const FIXES_TRAILER = /^[ \t]*fix(?:es|ed)[ \t]*:?[ \t]+(?:(?:[\w.-]+\/[\w.-]+)?#\d+\b|[0-9a-f]{8,40}\b|https?:\/\/\S+\/(?:issues|bugs?|show_bug\.cgi\?id=)\/?\d+|[A-Z][A-Z0-9]+-\d+\b)/im;

/** `git log` over `args` (revisions and options), newest first, merges left out. */
export const logCommits = async (repo: Repo, args: string[]): Promise<LoggedCommit[]> => {
  const output = await repo.git.raw(['log', '--no-merges', FORMAT, ...args]);
  return parseRecords(output);
};

/** These commits (full ids), merges too (a fork may revert one: `git revert -m 1`), in the order given; the ids go on stdin, however many there are. */
export const logCommitsByIds = async (repo: Repo, shas: readonly string[]): Promise<LoggedCommit[]> => {
  if (shas.length === 0) return [];
  const output = await runGitWithInput(repo.cwd, ['log', FORMAT, '--no-walk=unsorted', '--stdin'], shas.map((sha) => `${sha}\n`).join(''));
  return parseRecords(output);
};

/**
 * Of these commit names (short ids as reports print them), the merge
 * commits, newest first; other names and unknown ones are left out. Hunks name
 * a merge when it wrote lines itself (a conflict's resolution, a release
 * merge that bumps a version) or brought them in from a merge of its branch.
 */
export const logMergesByIds = async (repo: Repo, names: readonly string[]): Promise<CommitInfo[]> => {
  if (names.length === 0) return [];
  // --ignore-missing: a name this clone cannot resolve is no merge, not an error.
  const output = await runGitWithInput(repo.cwd, ['log', '--merges', FORMAT, '--no-walk', '--ignore-missing', '--stdin'], names.map((name) => `${name}\n`).join(''));
  return parseRecords(output).map(toCommitInfo);
};

const parseRecords = (output: string): LoggedCommit[] =>
  output
    .split(RECORD)
    .map((record) => record.replace(/^\n/, ''))
    .filter((record) => record.length > 0)
    .map(parseRecord);

const parseRecord = (record: string): LoggedCommit => {
  const [mark = '', sha = '', parents = '', subject = '', author = '', date = '', source = '', body = ''] = record.split(FIELD);
  // A revert of a security fix names none (securityIdsOf).
  const security = securityIdsOf(body || subject);
  return {
    sha,
    subject,
    author,
    date,
    // A security fix is a fix, whatever its subject says (kolla's `Use SandboxedEnvironment`, its body saying security); so is one whose trailer names the bug.
    isFix: isFixSubject(subject) || security.length > 0 || isFixTrailer(subject, body),
    security,
    body,
    mark: mark.trim(),
    parents: parents.split(' ').filter((parent) => parent.length > 0),
    source,
  };
};

/** CVE and GHSA ids, and the Go, Rust and Python vulnerability databases' (`GO-2026-5942`, `RUSTSEC-2024-0001`, `PYSEC-2023-12`). */
const ADVISORY_ID = /\b(CVE-\d{4}-\d{4,}|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}|GO-\d{4}-\d{4,}|RUSTSEC-\d{4}-\d{4,}|PYSEC-\d{4}-\d+)\b/gi;
const SECURITY_WORDS = /\b(security|vulnerabilit(?:y|ies)|vulnerable)\b/gi;

/** What follows `security` when it is about something wrong or done about it: `security issue`, `security alerts`, `security fix`. */
const SECURITY_PROBLEM = /^[ -](?:fix(?:es|ed)?|issues?|bugs?|problems?|vulnerabilit(?:y|ies)|advisor(?:y|ies)|updates?|releases?|patch(?:es)?|alerts?|holes?|flaws?|hardening|reasons?|concerns?|risks?|implications?|impact)\b/i;
/** A verb of fixing shortly before `security`: `fix a security ...`, `harden security of ...`. */
const FIXING = /\b(?:fix(?:es|ed|ing)?|address(?:es|ed)?|resolv(?:e|es|ed)|harden(?:s|ed)?|tighten(?:s|ed)?)\b[^.\n]{0,30}$/i;
/** A thing named security, which no verb before it makes a fix: `security note`, `security policy`, `--security flag`. */
const SECURITY_THING = /^[ -](?:notes?|polic(?:y|ies)|guides?|docs?|documentation|sections?|pages?|model|boundar(?:y|ies)|prompts?|team|contacts?|considerations|flags?|options?|modes?|profiles?|context|labels?|scan(?:s|ning|ner)?|tabs?|settings?)\b/i;
/** Vulnerabilities a tool looks for, not one a commit fixes: `report known vulnerabilities`, `scan for vulnerabilities`. */
const LOOKING_FOR = /\b(?:known|report(?:s|ing)?|scan(?:s|ning)?(?: for)?|check(?:s|ing)?(?: for)?|detect(?:s|ing)?|list(?:s|ing)?)\s+(?:\w+\s+)?$/i;

/**
 * Says a commit fixes a security problem, in prose: `security` as a tag
 * (`[security]`, `Security: drop setuid bit`) or beside what was wrong or
 * done about it (`security issue`, `resolve security alerts`), or
 * `vulnerability` outside a tool's description. Not a path, a file name or a
 * URL (netbox's "Update docs/configuration/security.md"), nor a flag or a
 * thing named security (buildkit's "promote RUN --security flag", "remove
 * security prompt from issue selection prompt", a guide's "security
 * boundary", "govulncheck to report known vulnerabilities", netbox's
 * "Fixes #22538: Add security note").
 */
const saysSecurity = (message: string): boolean =>
  [...message.matchAll(SECURITY_WORDS)].some(({ index, 0: word }) => {
    const before = message.slice(Math.max(0, index - 40), index);
    const after = message.slice(index + word.length, index + word.length + 40);
    if (/[/.-]$/.test(before) || /^(?:\/|#|\.\w)/.test(after)) return false;
    if (/^vulnerab/i.test(word)) return !LOOKING_FOR.test(before);
    const lineStart = before.slice(before.lastIndexOf('\n') + 1);
    // A tag: `[security]`, `(security)` (Renovate's and Dependabot's), or `Security:` opening a line.
    const isTag = (/[[(]$/.test(before) && /^[\])]/.test(after)) || (lineStart.trim() === '' && /^\s*:/.test(after));
    return isTag || SECURITY_PROBLEM.test(after) || (FIXING.test(lineStart) && !SECURITY_THING.test(after));
  });

/** `cve-2024-1` → `CVE-2024-1`; GHSA ids keep GitHub's lower-case body (`GHSA-m425-mq94-257g`). */
const canonicalAdvisoryId = (id: string): string =>
  /^ghsa/i.test(id) ? `GHSA${id.slice(4).toLowerCase()}` : id.toUpperCase();

/**
 * Advisory ids a commit message names (CVE, GHSA), in canonical case, sorted and
 * unique; `['security']` when it only says security or vulnerability (in
 * prose, not in a path or URL); else empty. A revert of a security fix is
 * not one, nor is a documentation commit (release notes that list them).
 */
export const securityIdsOf = (message: string): string[] => {
  if (isRevertSubject(message) || isDocsSubject(message)) return [];
  const ids = [...new Set([...message.matchAll(ADVISORY_ID)].filter((match) => !isSuppressed(message, match.index)).map((match) => canonicalAdvisoryId(match[1] ?? '')))];
  if (ids.length > 0) return ids.sort();
  if (isPipelineSubject(message)) return [];
  return saysSecurity(message) || namesAttack(message) || ADVISORY_MERGE.test(message) ? ['security'] : [];
};

/**
 * A class of attack a commit names: `prevent SSTI` (kolla's SandboxedEnvironment),
 * `Fix XSS in …`, `path traversal`. Acronyms in capitals only: `csrf_input`
 * is a helper's name.
 */
const namesAttack = (message: string): boolean =>
  /\b(?:SSTI|XSS|CSRF|SSRF|XXE|RCE)\b/.test(message) ||
  /\b(?:(?:sql|command|template|header|ldap|xpath) injection|(?:path|directory) traversal|privilege escalation|sandbox escape|open redirect|zip slip)\b/i.test(message) ||
  UNSAFE_SUBJECT.test(message.split('\n', 1)[0] ?? '');

/**
 * A memory-safety bug, or unauthenticated access closed, that the subject
 * names (etcd's "guard unauthenticated endpoints with auth checks", which
 * OpenShift's etcd lacks). The subject only: a body's test notes say
 * `unauthenticated` of a prompt (opentofu's state storage trust).
 */
const UNSAFE_SUBJECT = /\b(?:use[- ]after[- ]free|double[- ]free|(?:heap|stack|buffer) (?:buffer )?overflow|out[- ]of[- ]bounds (?:read|write)|(?:guard|block|reject|deny|forbid|prevent|restrict|protect|require auth\w*)\b[^.\n]{0,30}\bunauthenticated)\b/i;

/**
 * An id a scanner is told to let pass, not a fix: tofu-ls's squashed "Modified:
 * suppress GO-2026-5932", "ignore CVE-… in trivy".
 */
const isSuppressed = (message: string, at: number): boolean => {
  const before = message.slice(Math.max(0, at - 40), at);
  return /\b(?:suppress|ignor|exclud|allowlist|whitelist|skip)\w*\b[^\n]*$/i.test(before);
};

/** GitHub's subject for merging a security advisory's temporary private fork (nektos/act's 0c739c8e). */
const ADVISORY_MERGE = /^Merge commit from fork$/m;

/** The public part of a logged commit (the model has no body). */
export const toCommitInfo = ({ sha, subject, author, date, isFix, security }: LoggedCommit): CommitInfo => ({
  sha,
  subject,
  author,
  date,
  isFix,
  security,
});
