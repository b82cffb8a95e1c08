import { describe, expect, it } from 'vitest';
import { withoutPragma } from '../../src/classifiers/fixes/pragmas.js';

describe('withoutPragma', () => {
  it('drops a trailing lint or type-checker pragma and what follows it', () => {
    expect(withoutPragma("found = cmd.all_commands.get(key) # type: ignore")).toBe('found = cmd.all_commands.get(key)');
    expect(withoutPragma("name = self.assets['large_image'] # pyright: ignore[reportTypedDictNotRequiredAccess]")).toBe("name = self.assets['large_image']");
    expect(withoutPragma('return sorted(iterator, key=key) # type: ignore # the key should not be None')).toBe('return sorted(iterator, key=key)');
    expect(withoutPragma('import os # noqa: F401')).toBe('import os');
    expect(withoutPragma('defer f.Close() //nolint:errcheck')).toBe('defer f.Close()');
    expect(withoutPragma('const x = y as any; // @ts-ignore')).toBe('const x = y as any;');
    expect(withoutPragma('int n = atoi(s); /* NOLINT */')).toBe('int n = atoi(s);');
  });

  it('keeps other comments, and a pragma with no code before it', () => {
    expect(withoutPragma('x = 1 # the first value')).toBe('x = 1 # the first value');
    expect(withoutPragma('# type: ignore')).toBe('# type: ignore');
    expect(withoutPragma('url = "https://example.invalid/#noqa"')).toBe('url = "https://example.invalid/#noqa"');
  });
});
