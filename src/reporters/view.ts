/** A table as data, rendered by both the terminal and the markdown reporter. */
export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Flexible columns shrink (cells end in `…`) when the table is wider than the terminal. */
  isFlexible?: boolean;
  /** The narrowest a flexible column may get (default 10). */
  minWidth?: number;
}

export interface TableView {
  columns: Column[];
  rows: string[][];
}

export const count = (value: number): string => String(value);
export const plus = (value: number): string => `+${value}`;
export const minus = (value: number): string => `−${value}`;
export const shortSha = (sha: string | null): string => (sha ? sha.slice(0, 12) : '—');
