// What a CLI command may touch besides the file system: output streams and the working folder. Commands take it as a
// parameter so each is a plain async function `(args, io) => exit code`.
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Folder relative paths are resolved against. */
  cwd: string;
  /** Whether stderr is an interactive terminal (progress can then redraw one line). */
  stderrIsTTY: boolean;
  /** Whether stdout is an interactive terminal (control characters in what is printed are then neutralised). */
  stdoutIsTTY?: boolean;
}

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
export const EXIT_USAGE = 2;

/**
 * An operating-system error about a file (ENOSPC, EACCES, EISDIR, ... with the path in its message) or a file the
 * CLI refuses (UnsafeFileError): reported as such (exit 1), never as an internal error with a stack trace.
 */
export function isFileError(e: unknown): e is Error {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && typeof code === 'string' && /^E[A-Z0-9]+$/.test(code);
}

/** A mistake in how the command was called: reported with a hint at --help, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
