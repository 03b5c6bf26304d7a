// Subcommand dispatch for `news-annotator`. Each command is `(args, io) => Promise<exit code>`.
import { runAnnotate } from './annotateCommand';
import { runCheck } from './checkCommand';
import { runCorpus } from './corpusCommand';
import { runExport } from './exportCommand';
import { EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, isFileError, UsageError, type CliIO } from './io';
import { safeText, terminalSafe } from './safeText';
import { runStream } from './streamCommand';
import { runTimeline } from './timelineCommand';
import { VERSION } from './version';

export type Command = (args: string[], io: CliIO) => Promise<number>;

/** The subcommands. To add one, import its runner and list it here with a one-line summary for --help. */
export const COMMANDS: Record<string, { run: Command; summary: string }> = {
  annotate: { run: runAnnotate, summary: 'annotate articles and write their sidecars (.annotations.json)' },
  corpus: { run: runCorpus, summary: 'list the entities of articles (files or folders) as one corpus, across articles' },
  check: { run: runCheck, summary: 'check articles (files or folders) for consistency (exit 1 on problems), for CI' },
  export: { run: runExport, summary: 'export annotations (W3C Web Annotation, brat, CoNLL, JSONL, CSV)' },
  stream: { run: runStream, summary: 'annotate JSON lines from stdin, one result line per input line on stdout' },
  timeline: { run: runTimeline, summary: "list the articles' dates in date order, with their sentences and entities" },
};

export function helpText(): string {
  const width = Math.max(...Object.keys(COMMANDS).map(c => c.length));
  const list = Object.entries(COMMANDS)
    .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
    .join('\n');
  return `Usage: news-annotator <command> [options] PATH...

Finds people, places, organizations and dates in news articles (.txt, .md).

Commands:
${list}

Options:
  -h, --help     show this help (news-annotator <command> --help for a command's options)
  -V, --version  show the version

Example:
  news-annotator annotate seeds
`;
}

export async function main(argv: string[], raw: CliIO): Promise<number> {
  // every print path goes through here: nothing a file contains can drive the terminal
  const io = terminalSafe(raw);
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
      io.stdout(helpText());
      return first === undefined ? EXIT_USAGE : EXIT_OK;
    }
    if (first === '-V' || first === '--version') {
      io.stdout(`${VERSION}\n`);
      return EXIT_OK;
    }
    const command = COMMANDS[first];
    if (!command)
      throw new UsageError(
        first.startsWith('-') ? `unknown option ${safeText(first)}` : `unknown command "${safeText(first)}" (commands: ${Object.keys(COMMANDS).join(', ')})`,
      );
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`news-annotator: ${e.message}\nRun "news-annotator ${COMMANDS[first] ? `${first} ` : ''}--help" for usage.\n`);
      return EXIT_USAGE;
    }
    if (isFileError(e)) {
      io.stderr(`news-annotator: ${e.message}\n`);
      return EXIT_SOME_FAILED;
    }
    throw e;
  }
}
