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

/** A file the command cannot use or write (a FIFO, a link out of its folder, a full disk): exit 1, file and reason. */
export class FileProblem extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'FileProblem';
  }
}

/** A mistake in how the command was called: reported with a hint at --help, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
