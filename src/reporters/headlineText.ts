import { CATEGORY_IDS, type CategoryId } from '../model.js';
import { plural } from '../text/plural.js';
import type { Headline, SideTally } from './headline.js';
import { shortSha } from './view.js';

/** One sentence of the headline; each format styles the label and escapes the text its own way. */
export interface HeadlineLine {
  label: string;
  text: string;
  /** 1 for a line under the one before (a security fix under "Lacks"). */
  level: 0 | 1;
  isAlert: boolean;
}

/** `9 findings (3 workflow, 6 dockerfile)`, categories in the report's order. */
export function findingsText(findings: Record<CategoryId, number>): string {
  const parts = CATEGORY_IDS.filter((id) => findings[id] > 0).map((id) => `${findings[id]} ${id}`);
  const total = CATEGORY_IDS.reduce((sum, id) => sum + findings[id], 0);
  return total === 0 ? 'no findings' : `${plural(total, 'finding')} (${parts.join(', ')})`;
}

// Files and hunks are counted apart: a file both sides touched may hold hunks of one side only.
const changesText = (tally: SideTally, files = plural(tally.files, 'file')): string =>
  `${files}, ${plural(tally.hunks, 'hunk')} (+${tally.additions} −${tally.deletions})`;

/**
 * What one side changed: its own files and those both sides changed, which
 * hold its hunks too (a fork whose one hunk sits in a lockfile upstream also
 * bumped carries 1 file, not 0), then its hunks.
 */
const sideChangesText = (tally: SideTally, both: SideTally, other: string): string => {
  const files = `${plural(tally.files + both.files, 'file')}${both.files === 0 ? '' : ` (${both.files} also changed by ${other})`}`;
  // Its lines all sit in hunks both sides changed: "0 hunks (+0 −0)" read as nothing at all.
  if (tally.hunks === 0 && both.hunks > 0) return `${files}, every change in hunks both sides changed`;
  // Its only files are ones the other side changed too, and every hunk in them is the other side's (a fork that took upstream's release whole).
  if (tally.files === 0 && tally.hunks === 0 && both.files > 0) return `${files}, every hunk in them ${other}'s`;
  return changesText(tally, files);
};

/**
 * Files both sides changed, and the hunks in which both changed the same
 * lines. Each side changed its own lines of such a file in most forks
 * (pop-os's gnome-shell: one file, "0 hunks (+0 −0)" read as a count gone
 * wrong): that says so.
 */
const bothChangesText = (both: SideTally): string =>
  both.hunks === 0 && both.files > 0 ? `${plural(both.files, 'file')}, each side's changes in hunks of its own` : changesText(both);

const isEmpty = (tally: SideTally): boolean =>
  tally.files === 0 && tally.hunks === 0 && CATEGORY_IDS.every((id) => tally.findings[id] === 0);

/** Security fixes the headline names one by one; a fork years behind lacks dozens (incus against LXD: 62). */
const MAX_SECURITY_LINES = 10;

/** The headline as sentences, in the order a maintainer asks: carries, lacks, both, cost, change. */
export function headlineLines(headline: Headline, isSinceAsked = false): HeadlineLine[] {
  const lines: HeadlineLine[] = [];
  const add = (label: string, text: string, level: 0 | 1 = 0, isAlert = false): void => {
    lines.push({ label, text, level, isAlert });
  };
  const { carries, lacks, both, unknown } = headline;
  if (headline.hasSides) {
    const forkCommits = carries.forkOnlyCommits === null ? '' : `; ${plural(carries.forkOnlyCommits, 'fork-only commit')}`;
    add('Carries', `${sideChangesText(carries, both, 'upstream')}; ${findingsText(carries.findings)}${forkCommits}`);
    const commits = lacks.missingCommits === null ? []
      : [`${plural(lacks.missingCommits, 'upstream commit')} (${lacks.fixes ?? 0} read as fixes, ${lacks.security.length} security)`];
    const applied = lacks.applied ? [`${lacks.applied} more already applied under other shas`] : [];
    // A fork that has merged upstream's tip (SQLCipher merges each SQLite release): one plain statement, not a row of zeros.
    const isSynced = lacks.missingCommits === 0 && applied.length === 0 && isEmpty(lacks) && isEmpty(both);
    const lacked = isSynced ? ['nothing: the fork has every upstream commit'] : [...commits, sideChangesText(lacks, both, 'the fork'), findingsText(lacks.findings), ...applied];
    add('Lacks', lacked.join('; '), 0, lacks.security.length > 0);
    // The commits of one fix (a pull request's iterations) are one line, as they are one finding.
    const fixOf = (each: Headline['lacks']['security'][number]): string => each.sameFixAs ?? each.sha;
    const said = new Set<string>();
    const fixes = new Set(lacks.security.map(fixOf)).size;
    // Fixes that name an advisory first (a stable sort keeps the log's order within each): past ten, the ones left unnamed are those that only say security.
    const named = (each: Headline['lacks']['security'][number]): number => (each.ids.some((id) => id !== 'security') ? 0 : 1);
    for (const fix of [...lacks.security].sort((a, b) => named(a) - named(b))) {
      if (said.has(fixOf(fix))) continue;
      if (said.size === MAX_SECURITY_LINES && fixes > MAX_SECURITY_LINES + 1) {
        const where = headline.sync ? "the sync plan's cherry-picks list them first" : "the JSON report's headline lists them all";
        add('Security', `${fixes - said.size} more security fixes: ${where}`, 1, true);
        break;
      }
      said.add(fixOf(fix));
      const commits = lacks.security.filter((each) => fixOf(each) === fixOf(fix));
      const picks = commits.map((each) => each.pick).filter((pick) => pick !== null);
      const pick = picks.length === 0 ? '' : ` (cherry-pick${commits.length > 1 ? 's' : ''}: ${[...new Set(picks)].join(', ')})`;
      const shas = commits.map((each) => shortSha(each.sha)).join(', ');
      // Advisory ids lead; a commit that only says security is under the label already.
      const ids = fix.ids.filter((id) => id !== 'security');
      add('Security', `${ids.length > 0 ? `${ids.join(', ')}: ` : ''}${shas} ${fix.subject}${pick}`, 1, true);
    }
    if (!isEmpty(both)) add('Both moved', `${bothChangesText(both)}; ${findingsText(both.findings)}`);
    if (!isEmpty(unknown)) add('Side unknown', `${changesText(unknown)}; ${findingsText(unknown.findings)}`);
  } else {
    add('Sides unknown', `with no merge base (a saved diff has none), what the fork carries and what it lacks cannot be told apart: ${changesText(unknown)}; ${findingsText(unknown.findings)}`);
  }
  if (headline.sync) {
    const { sync } = headline;
    const merge = sync.isMergeClean ? 'merging upstream now is clean' : `merging upstream now conflicts in ${plural(sync.mergeConflicts, 'file')}`;
    const unforecast = sync.unforecastPicks > 0 ? ` (${sync.unforecastPicks} more not forecast)` : '';
    const isNothingToPick = sync.picks.clean + sync.picks.conflict + sync.picks.empty + sync.unforecastPicks === 0;
    const picks = isNothingToPick ? 'nothing to cherry-pick' : `cherry-picks: ${sync.picks.clean} clean, ${sync.picks.conflict} conflict, ${sync.picks.empty} empty${unforecast}`;
    const droppable = sync.droppableCarries > 0 ? ` (${sync.droppableCarries} droppable: upstream merged their pull request)` : '';
    const carried = `carries: ${sync.carries.carried} carried, ${sync.carries.superseded} superseded, ${sync.carries.reverted} reverted, ${sync.carries.dropped} dropped${droppable}`;
    add('Sync forecast', `${merge}; ${picks}; ${carried}`, 0, !sync.isMergeClean);
  }
  if (headline.since) {
    const { since } = headline;
    const missing = since.missingCommits
      ? `; missing upstream commits ${since.missingCommits.before} → ${since.missingCommits.now} (${since.missingCommits.newlyMissing} newly missing, ${since.missingCommits.taken} taken)`
      : '';
    add('Since last report', `${plural(since.newFindings, 'new finding')}, ${since.resolvedFindings} resolved, ${since.unchanged} unchanged${missing}`);
  } else if (isSinceAsked) {
    add('Since last report', 'no previous report for this ref');
  }
  return lines;
}
