/** `1 file`, `2 files`: counts in messages and headings. */
export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
