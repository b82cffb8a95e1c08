import { CATEGORY_IDS } from '../model.js';
import type { CategoryId } from '../model.js';

interface Ordered {
  category: CategoryId;
  path: string;
  fingerprint: string;
}

// Code-unit order, not localeCompare: output must not change with the machine's locale.
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Categories in the spec's (and the reports') order, then path, then fingerprint: a total, stable order. */
export const compareFindings = (a: Ordered, b: Ordered): number =>
  CATEGORY_IDS.indexOf(a.category) - CATEGORY_IDS.indexOf(b.category) ||
  compareText(a.path, b.path) ||
  compareText(a.fingerprint, b.fingerprint);
