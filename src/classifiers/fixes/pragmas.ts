// Trailing lint and type-checker pragmas (https://mypy.readthedocs.io/en/stable/error_codes.html,
// https://docs.astral.sh/ruff/linter/#error-suppression, golangci-lint's nolint, eslint, TypeScript).

/**
 * A pragma after code on a normalised line: `# type: ignore[...]`, `# noqa: E501`,
 * `# pyright: ignore`, `# pylint: disable=...`, `# pragma: no cover`, `//nolint:errcheck`,
 * `// eslint-disable-line`, `// @ts-ignore`, a C comment saying NOLINT, and whatever follows it.
 */
const TRAILING_PRAGMA = /(?<=\S)\s+(?:#\s*(?:type:\s*ignore\b|noqa\b|pyright:|mypy:|pylint:|pragma:)|\/\/\s*(?:nolint\b|eslint-disable(?:-next)?-line\b|@ts-(?:ignore|expect-error)\b|NOLINT\b)|\/\*\s*NOLINT\b).*$/;

/**
 * A line without its trailing pragma: the pragma silences a tool, the code is
 * the same (nextcord dropped discord.py's `# type: ignore` and `# pyright:
 * ignore[...]` markers on lines it kept; 42 of its 219 missing-fix findings
 * held such a line).
 */
export const withoutPragma = (line: string): string => (line.includes('#') || line.includes('//') || line.includes('/*') ? line.replace(TRAILING_PRAGMA, '') : line);
