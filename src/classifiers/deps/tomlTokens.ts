// Just enough of TOML (https://toml.io/en/v1.0.0) to read dependency tables and arrays one line at a time.

/** A string (basic or literal, unescaped), a bare key or value, or one of `[ ] { } = , .`. */
export type TomlToken = { type: 'string'; value: string } | { type: 'bare'; value: string } | { type: 'punct'; value: string };

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', b: '\b', f: '\f' };

/** Tokens of one line up to its comment; an unterminated string runs to the end of the line. */
export function tomlTokens(line: string): TomlToken[] {
  const tokens: TomlToken[] = [];
  let at = 0;
  while (at < line.length) {
    const char = line[at] ?? '';
    if (char === '#') break;
    if (/\s/.test(char)) {
      at += 1;
    } else if (char === '"' || char === "'") {
      let value = '';
      at += 1;
      while (at < line.length && line[at] !== char) {
        if (char === '"' && line[at] === '\\') {
          const next = line[at + 1] ?? '';
          value += ESCAPES[next] ?? next;
          at += 2;
        } else {
          value += line[at];
          at += 1;
        }
      }
      at += 1;
      tokens.push({ type: 'string', value });
    } else if ('[]{}=,'.includes(char)) {
      tokens.push({ type: 'punct', value: char });
      at += 1;
    } else {
      const bare = /^[^\s[\]{}=,#"']+/.exec(line.slice(at))?.[0] ?? char;
      tokens.push({ type: 'bare', value: bare });
      at += bare.length;
    }
  }
  return tokens;
}

/** `[a.b."c.d"]` or `[[a.b]]` → `a.b.c.d`-style dotted path with quotes removed; null for other lines. */
export function tomlHeader(line: string): string | null {
  const match = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/.exec(line);
  if (!match?.[1]) return null;
  return match[1].split(/\s*\.\s*(?=(?:[^"']*["'][^"']*["'])*[^"']*$)/).map((part) => part.replace(/^["']|["']$/g, '')).join('.');
}

/** The value of `key = "…"` inside an inline table's tokens (`{ version = "1", features = [...] }`). */
export function inlineValue(tokens: readonly TomlToken[], key: string): string | null {
  for (let index = 0; index + 2 < tokens.length; index += 1) {
    const [name, equals, value] = [tokens[index], tokens[index + 1], tokens[index + 2]];
    if ((name?.type === 'bare' || name?.type === 'string') && name.value === key && equals?.value === '=' && value?.type === 'string') return value.value;
  }
  return null;
}
