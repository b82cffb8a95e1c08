import { CATEGORY_IDS, type CategoryId, type FileDiff, type Finding } from '../model.js';
import type { ClassifyContext } from './define.js';
import { classifiers } from './index.js';
import { globMatcher, otherKindOf } from './paths.js';

/** Extra path globs per category, from the fork's config. */
export type CategoryGlobs = Partial<Record<CategoryId, readonly string[]>>;

export interface Categoriser {
  /** Runs every matching classifier on the file, sets categories on it and its hunks, returns findings. */
  classify(file: FileDiff, context: ClassifyContext): Promise<Finding[]>;
  /** Findings classifiers held back until every file was seen (see `Classifier.finish`). */
  finish(context: ClassifyContext): Promise<Finding[]>;
}

export function createCategoriser(extraGlobs: CategoryGlobs = {}): Categoriser {
  const extra = new Map(
    Object.entries(extraGlobs).map(([id, globs]) => [id as CategoryId, globMatcher(globs ?? [])]),
  );
  return {
    async classify(file, context) {
      const findings: Finding[] = [];
      const fileCategories = new Set<CategoryId>();
      const owner = classifiers.find((classifier) => classifier.claims?.(file, context) ?? false);
      for (const classifier of owner ? [owner] : classifiers) {
        const isExtra = extra.get(classifier.id)?.(file.path) ?? false;
        if (classifier !== owner && !classifier.matches(file) && !isExtra) continue;
        if (classifier.isPathCategory || isExtra) {
          fileCategories.add(classifier.id);
          for (const hunk of file.hunks) addCategory(hunk.categories, classifier.id);
        }
        findings.push(...(await classifier.classify(file, context)));
      }
      // A file is in every category one of its hunks is in, `other` included.
      for (const hunk of file.hunks) {
        if (hunk.categories.length === 0) hunk.categories.push('other');
        for (const category of hunk.categories) fileCategories.add(category);
        hunk.categories.sort(byCategoryOrder);
      }
      for (const finding of findings) fileCategories.add(finding.category);
      if (fileCategories.size === 0 || (extra.get('other')?.(file.path) ?? false)) fileCategories.add('other');
      file.categories = [...fileCategories].sort(byCategoryOrder);
      if (file.categories.includes('other')) {
        // A file only in the fork is the fork's addition unless the merge base had it (side upstream or both: upstream deleted
        // it), or the fork renamed a file of the base to its path (nextcord's discord/client.py → nextcord/client.py).
        const isNew = file.status === 'added' && (file.side === 'fork' || file.side === null) && file.rename?.side !== 'fork';
        file.otherKind = otherKindOf(file.path, isNew);
      }
      return findings;
    },
    async finish(context) {
      const findings: Finding[] = [];
      for (const classifier of classifiers) findings.push(...((await classifier.finish?.(context)) ?? []));
      return findings;
    },
  };
}

const addCategory = (categories: CategoryId[], id: CategoryId): void => {
  if (!categories.includes(id)) categories.push(id);
};

const byCategoryOrder = (a: CategoryId, b: CategoryId): number => CATEGORY_IDS.indexOf(a) - CATEGORY_IDS.indexOf(b);
