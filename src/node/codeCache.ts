// Loads the CLI's bundle (dist/cli-bundle.js) with a V8 code cache (dist/cli-bundle.cache), the approach of the
// v8-compile-cache package; Node 20 has no module.enableCompileCache. Why (issue 14): a fresh CLI process compiles the
// 1.1 MB bundle (~60 ms of main-thread CPU here) and then, during its first articles, compiles to bytecode every
// analysis function it calls for the first time. The cache is written at build time after a run over the sample
// articles (esbuild.mjs), so it holds the bytecode of those functions too, not just the top level.
//
// The cache is only an optimisation: whenever it is absent, built for another bundle, another Node/V8 or other V8
// flags, or damaged, the bundle is compiled from source as Node would, with the same result. V8 itself checks its
// version, its flags and the source's length; the bundle's SHA-256 in our header catches a rebuilt bundle of the
// same length (esbuild --watch rebuilds the bundle without the cache), whose stale bytecode V8 would otherwise run.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

/**
 * `NEWS_ANNOTATOR_CODE_CACHE`: unset, the cache is used when valid; `off` ignores it (to measure without it);
 * `report` uses it and prints on stderr whether V8 accepted it; `write` compiles from source and writes the cache
 * when the process exits (the build's step, esbuild.mjs).
 */
export type CodeCacheMode = 'use' | 'off' | 'report' | 'write';

export function codeCacheMode(value: string | undefined): CodeCacheMode {
  return value === 'off' || value === 'report' || value === 'write' ? value : 'use';
}

/** What became of the cache: used, refused (and why), not there, not asked for. */
export type CodeCacheStatus = { kind: 'accepted' } | { kind: 'rejected'; reason: string } | { kind: 'absent' } | { kind: 'off' } | { kind: 'write' };

/** The header before V8's data: a magic string with our format's version, then the SHA-256 of the bundle's bytes. */
const MAGIC = Buffer.from('NACODE01', 'latin1');
const HEADER_BYTES = MAGIC.length + 32;

/** Node's CommonJS wrapper, on the bundle's first line so that line numbers (and the source map's lines) stay true. */
const WRAP_START = '(function (exports, require, module, __filename, __dirname) {';
const WRAP_END = '\n})';

const digest = (bytes: Buffer): Buffer => createHash('sha256').update(bytes).digest();

/** The cache file's V8 data when its header matches the bundle; otherwise why not. */
function readCache(cacheFile: string, bundleHash: Buffer): { data: Buffer } | { reason: string } | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  if (bytes.length <= HEADER_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return { reason: 'not a code cache file' };
  if (!bytes.subarray(MAGIC.length, HEADER_BYTES).equals(bundleHash)) return { reason: 'written for another build of the bundle' };
  return { data: bytes.subarray(HEADER_BYTES) };
}

/** Writes the cache through a temporary file and a rename, so a reader never sees half of one. */
function writeCache(cacheFile: string, bundleHash: Buffer, data: Buffer): void {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.concat([MAGIC, bundleHash, data]));
  fs.renameSync(tmp, cacheFile);
}

export interface LoadedBundle {
  /** The bundle's module.exports. */
  exports: unknown;
  status: CodeCacheStatus;
}

/**
 * Compiles and runs the CommonJS bundle `bundleFile` as Node's require would (same wrapper, `require` resolving from
 * its folder, stack traces naming the file), with V8's code cache from `cacheFile` when it is valid for it.
 */
export function loadBundle(bundleFile: string, cacheFile: string, mode: CodeCacheMode): LoadedBundle {
  const bytes = fs.readFileSync(bundleFile);
  // a one-byte string: esbuild.mjs keeps the bundle ASCII, so latin1 is its exact text, without a UTF-8 decode
  let source = bytes.toString('latin1');
  if (source.startsWith('#!')) source = `//${source.slice(2)}`;
  const hash = mode === 'off' ? undefined : digest(bytes);
  const cached = hash && mode !== 'write' ? readCache(cacheFile, hash) : undefined;
  const script = new vm.Script(WRAP_START + source + WRAP_END, {
    filename: bundleFile,
    cachedData: cached && 'data' in cached ? cached.data : undefined,
  });
  let status: CodeCacheStatus;
  if (mode === 'off') status = { kind: 'off' };
  else if (mode === 'write') status = { kind: 'write' };
  else if (!cached) status = { kind: 'absent' };
  else if ('reason' in cached) status = { kind: 'rejected', reason: cached.reason };
  else status = script.cachedDataRejected ? { kind: 'rejected', reason: 'refused by V8 (another Node version or V8 flags, or damaged)' } : { kind: 'accepted' };
  if (mode === 'write') {
    // after the run: the cache then holds the bytecode of every function the run compiled, not only the top level
    process.once('exit', () => writeCache(cacheFile, hash!, script.createCachedData()));
  }
  const module = { exports: {} as unknown, filename: bundleFile, id: bundleFile, loaded: false };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(bundleFile), module, bundleFile, path.dirname(bundleFile));
  module.loaded = true;
  return { exports: module.exports, status };
}

/** The line `report` mode prints on stderr, e.g. `news-annotator: code cache accepted (dist/cli-bundle.cache)`. */
export function describeStatus(status: CodeCacheStatus, cacheFile: string, thread: string): string {
  const what = status.kind === 'rejected' ? `rejected: ${status.reason}` : status.kind;
  return `news-annotator: code cache ${what} (${path.basename(cacheFile)}, ${thread})\n`;
}

/** The bundle both CLI launchers load, and its cache, in the launcher's folder (dist/). */
export const CLI_BUNDLE = 'cli-bundle.js';
export const CLI_CODE_CACHE = 'cli-bundle.cache';

/**
 * What the launchers (src/cli.ts for the main thread, src/cli/workerThread.ts for each `--jobs` worker) do: load the
 * bundle beside them with the cache, as `NEWS_ANNOTATOR_CODE_CACHE` says, and return its exports. Only the main thread
 * writes the cache; a worker thread of a writing run uses it as usual.
 */
export function loadCliBundle(dir: string, thread: 'main thread' | 'worker thread'): unknown {
  const asked = codeCacheMode(process.env.NEWS_ANNOTATOR_CODE_CACHE);
  const mode = asked === 'write' && thread !== 'main thread' ? 'use' : asked;
  const cacheFile = path.join(dir, CLI_CODE_CACHE);
  const { exports, status } = loadBundle(path.join(dir, CLI_BUNDLE), cacheFile, mode);
  if (mode === 'report') process.stderr.write(describeStatus(status, cacheFile, thread));
  return exports;
}
