import { globMatcher } from '../classifiers/paths.js';
import type { Finding } from '../model.js';
import type { ExpectRule } from './configSchema.js';
import { detailString } from './findingDetails.js';

export interface RuleMatch {
  /** Finding fingerprint → index of the first rule in `expect` that covers it. */
  covered: Map<string, number>;
  /** Indexes of rules that matched no finding at all. */
  unusedRules: number[];
}

type FindingTest = (finding: Finding) => boolean;

// The categories' matcher: dot-named paths and tests, and names with line breaks, match like any other.
const glob = (patterns: string | string[]): ((text: string) => boolean) => globMatcher(typeof patterns === 'string' ? [patterns] : patterns);

/** A rule as one predicate: every field it gives must match. */
export function compileRule(rule: ExpectRule): FindingTest {
  const tests: FindingTest[] = [(finding) => finding.category === rule.category];
  if (rule.paths) {
    const isPathMatch = glob(rule.paths);
    tests.push((finding) => isPathMatch(finding.path));
  }
  if (rule.kind !== undefined) {
    const kind = rule.kind;
    tests.push((finding) => finding.kind === kind);
  }
  if (rule.side !== undefined) {
    const side = rule.side;
    tests.push((finding) => finding.side === side);
  }
  if (rule.module !== undefined) {
    const isModuleMatch = glob(rule.module);
    tests.push((finding) => isDetailMatch(finding, 'module', isModuleMatch));
  }
  if (rule.test !== undefined) {
    const isTestMatch = glob(rule.test);
    tests.push((finding) => isDetailMatch(finding, 'test', isTestMatch));
  }
  if (rule.direction) {
    const directions: readonly string[] = rule.direction;
    tests.push((finding) => isDetailMatch(finding, 'direction', (value) => directions.includes(value)));
  }
  return (finding) => tests.every((test) => test(finding));
}

/** A finding without the detail cannot satisfy a rule that asks for it. */
function isDetailMatch(finding: Finding, key: string, isMatch: (value: string) => boolean): boolean {
  const value = detailString(finding, key);
  return value !== undefined && isMatch(value);
}

/** Which findings the rules cover (first matching rule wins), and which rules matched nothing. */
export function matchRules(findings: readonly Finding[], rules: readonly ExpectRule[]): RuleMatch {
  const compiled = rules.map(compileRule);
  const used = new Set<number>();
  const covered = new Map<string, number>();
  for (const finding of findings) {
    // Every matching rule counts as used, so "matched nothing" stays true for a rule
    // that an earlier, broader rule shadows.
    compiled.forEach((isMatch, ruleIndex) => {
      if (!isMatch(finding)) return;
      used.add(ruleIndex);
      if (!covered.has(finding.fingerprint)) covered.set(finding.fingerprint, ruleIndex);
    });
  }
  const unusedRules = rules.map((_, index) => index).filter((index) => !used.has(index));
  return { covered, unusedRules };
}

/** `dockerfile Dockerfile, kind base-image, reason "Ubuntu-based rebuild"`, for warnings. */
export function describeRule(rule: ExpectRule): string {
  const parts: string[] = [rule.category];
  if (rule.paths) parts.push(rule.paths.join(' '));
  if (rule.module !== undefined) parts.push(`module ${rule.module}`);
  if (rule.direction) parts.push(`direction ${rule.direction.join('|')}`);
  if (rule.test !== undefined) parts.push(`test ${rule.test}`);
  if (rule.kind !== undefined) parts.push(`kind ${rule.kind}`);
  if (rule.side !== undefined) parts.push(`side ${rule.side}`);
  return `${parts.join(' ')}, reason ${JSON.stringify(rule.reason)}`;
}

/** The rule's selectors, named so a warning can say what to fix. */
export function ruleSelectors(rule: ExpectRule): string[] {
  const fields = ['paths', 'module', 'direction', 'test', 'kind', 'side'] as const;
  const given = fields.filter((field) => rule[field] !== undefined);
  return given.length > 0 ? [...given] : ['category'];
}
