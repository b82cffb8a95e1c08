import { CATEGORY_IDS, type CategoryId } from './model.js';

interface Ordered {
  category: CategoryId;
  path: string;
  kind: string;
  message: string;
  fingerprint: string;
}

// Code-unit order, not localeCompare: output must not change with the machine's locale.
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Categories in the spec's (and the reports') order, then path, kind, message
 * and fingerprint: a total, stable order, never the order analysers ran in.
 */
export const compareFindings = (a: Ordered, b: Ordered): number =>
  CATEGORY_IDS.indexOf(a.category) - CATEGORY_IDS.indexOf(b.category) ||
  compareText(a.path, b.path) ||
  compareText(a.kind, b.kind) ||
  compareText(a.message, b.message) ||
  compareText(a.fingerprint, b.fingerprint);
