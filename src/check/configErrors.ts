import type { z } from 'zod';

type PathKey = PropertyKey;

/** `expect[2].direction`, the way a user would point at the key in their file. */
export function formatKeyPath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function valueAt(root: unknown, path: readonly PathKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * A single value given where a list is allowed is wrapped before validation;
 * point at the key the user wrote, not at a `[0]` they never typed.
 */
function userPath(raw: unknown, path: readonly PathKey[]): readonly PathKey[] {
  const last = path.at(-1);
  if (typeof last !== 'number') return path;
  const parent = path.slice(0, -1);
  return Array.isArray(valueAt(raw, parent)) ? path : parent;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'a mapping';
  const shown = JSON.stringify(value) ?? String(value);
  return shown.length > 60 ? `${shown.slice(0, 57)}…` : shown;
}

/** YAML turns `0.11` and `yes` into a number and a boolean; say how to keep the text. */
function gotPart(issue: z.core.$ZodIssue, raw: unknown, path: readonly PathKey[]): string {
  if (issue.code === 'unrecognized_keys' || issue.code === 'too_small') return '';
  const input = valueAt(raw, path);
  if (input === undefined || input === null) return '';
  const isScalarForString =
    issue.code === 'invalid_type' && issue.expected === 'string' && (typeof input === 'number' || typeof input === 'boolean');
  return isScalarForString ? ` (got ${describeValue(input)}; put it in quotes)` : ` (got ${describeValue(input)})`;
}

/** One line: `<file>: <key path>: <what is wrong and what is allowed>`. */
export function formatConfigIssue(file: string, issue: z.core.$ZodIssue, raw: unknown): string {
  const path = userPath(raw, issue.path);
  const where = formatKeyPath(path);
  const prefix = where === '' ? `${file}: ` : `${file}: ${where}: `;
  return `${prefix}${issue.message}${gotPart(issue, raw, path)}`;
}
