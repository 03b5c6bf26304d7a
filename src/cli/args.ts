// A small, strict option parser: `--name value`, `--name=value`, boolean flags, `--` ends options. Unknown options
// are usage errors rather than being taken for paths.
import { availableParallelism } from 'node:os';
import { UsageError } from './io';

export interface OptionSpec {
  /** Takes a value (`--out-dir DIR`) or is a flag (`--json`). */
  value: boolean;
  /** Short alias, e.g. `-h`. */
  short?: string;
}

export interface ParsedArgs {
  options: Map<string, string | true>;
  positionals: string[];
}

export function parseArgs(args: readonly string[], spec: Record<string, OptionSpec>): ParsedArgs {
  const options = new Map<string, string | true>();
  const positionals: string[] = [];
  const shorts = new Map(
    Object.entries(spec)
      .filter(([, s]) => s.short)
      .map(([name, s]) => [s.short!, name]),
  );
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const raw = arg.startsWith('--') ? arg.slice(2, eq >= 0 ? eq : undefined) : (shorts.get(arg.slice(1)) ?? `\0${arg}`);
    const option = spec[raw];
    if (!option) throw new UsageError(`unknown option ${eq >= 0 ? arg.slice(0, eq) : arg}`);
    if (options.has(raw)) throw new UsageError(`--${raw} given twice`);
    if (!option.value) {
      if (eq >= 0) throw new UsageError(`--${raw} takes no value`);
      options.set(raw, true);
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${raw} needs a value`);
    options.set(raw, value);
  }
  return { options, positionals };
}

/** Parses `10485760`, `500K`, `10M`, `10MB` (binary units) to bytes. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)i?b?$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  const n = Math.floor(Number(m[1]) * unit);
  return n > 0 ? n : undefined;
}

/** `--jobs N`: a whole number >= 1; absent, one job per core the process may use. */
export function parseJobs(text: string | undefined): number {
  if (text === undefined) return availableParallelism();
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw new UsageError(`--jobs "${text}" is not a number of jobs (a whole number, 1 or more)`);
  return Number(text);
}
