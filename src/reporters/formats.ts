/** Output formats, by the name `--format` takes. Kept apart from the reporters so the CLI can list them without loading one. */
export const FORMATS = ['table', 'markdown', 'json', 'html', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];
