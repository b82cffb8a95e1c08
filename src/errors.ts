/**
 * A known, user-facing error: printed as one line (what, and how to fix it)
 * without a stack, exit code 2. Anything else is a bug and is re-thrown.
 */
export class ForkdiffError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'ForkdiffError';
  }
}

export const isForkdiffError = (error: unknown): error is ForkdiffError => error instanceof ForkdiffError;
