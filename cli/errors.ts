/** A failure the CLI reports in one line (plus details) and turns into an exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    readonly details: string[] = [],
    readonly code?: string,
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new CliError(message, 2);
