// Fuzz properties for what exports and the CLI write and print (issue 16), shared by test/unit/core/export/fuzz.test.ts
// (a CI-sized run) and scripts/fuzz.ts (long runs): export targets (the plan checker, and the CLI on real folders),
// symbolic links and FIFOs around sidecars, control characters in printed text, and exports read by line readers.
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runExport } from '../../src/cli/exportCommand';
import { safeOutput, safeText, terminalSafe } from '../../src/cli/safeText';
import { checkPlan, EXPORT_FORMATS, hasArticleExtension, planExport, type PlanArticle, type TargetKind } from '../../src/core/export';
import { isSidecarPath, loadSidecar, serializeSidecar } from '../../src/core/sidecar';
import { NodeSidecarStorage } from '../../src/node/storage';
import { parseCsv, sidecarWithManual } from './fuzz-properties';
import type { FuzzConfig, FuzzProperty } from './fuzz-properties';
import { articleText, spanFractions } from './arbitraries';

/* eslint-disable no-control-regex -- control characters are what these properties are about */

function fail(what: string, detail: unknown): never {
  throw new Error(`${what}: ${JSON.stringify(detail)}`);
}

// ---- export targets: the plan checker on an in-memory disk ----

const NAMES = [
  'a.txt',
  'A.txt',
  'a.md',
  'b.txt',
  'a.ann',
  'x.ann',
  'x.txt',
  'a.txt.annotations.json',
  'a.txt.annotations.json.bak',
  'a.csv',
  'annotation.conf',
  'x',
];
const FOLDERS = ['/w', '/w/d', '/w/D'];
const KINDS: TargetKind[] = ['missing', 'missing', 'file', 'file', 'folder', 'symlink', 'other'];
const filePath = fc.tuple(fc.constantFrom(...FOLDERS), fc.constantFrom(...NAMES)).map(([d, n]) => `${d}/${n}`);
const posix = { join: (folder: string, rel: string) => `${folder}/${rel}`, dirname: (f: string) => f.replace(/\/[^/]*$/, '') || '/' };

const planCase = fc.record({
  format: fc.constantFrom(...EXPORT_FORMATS),
  articles: fc.uniqueArray(
    filePath.filter(p => hasArticleExtension(p) && !isSidecarPath(p)),
    { minLength: 1, maxLength: 3 },
  ),
  target: fc.oneof(
    filePath.map(file => ({ kind: 'file' as const, file })),
    fc.constantFrom(...FOLDERS).map(folder => ({ kind: 'folder' as const, folder })),
  ),
  disk: fc.dictionary(filePath, fc.constantFrom(...KINDS), { maxKeys: 12 }),
});

type PlanCase = typeof planCase extends fc.Arbitrary<infer T> ? T : never;

async function checkPlanProperty(c: PlanCase): Promise<void> {
  const disk: Record<string, TargetKind> = { ...c.disk };
  for (const a of c.articles) disk[a] = 'file';
  const articles: PlanArticle[] = c.articles.map(source => {
    const text = 'Angela Merkel visited Paris.';
    return {
      input: { fileName: source.replace(/^.*\//, ''), text, sidecar: sidecarWithManual(text, [[0, 13, 'person']]) },
      source,
      relative: source.replace(/^\/w\//, ''),
    };
  });
  if (c.target.kind === 'file' && !c.format.multiDocument && articles.length > 1) return;
  const plan = planExport(c.format, articles, c.target, posix);
  const probe = { kind: async (p: string) => disk[p] ?? 'missing' };
  const r = await checkPlan(plan.files, c.articles, probe);
  const seen = new Set<string>();
  for (const f of r.write) {
    const kind = disk[f.path] ?? 'missing';
    if (seen.has(f.path.toLowerCase())) fail('two writes to one path', f.path);
    seen.add(f.path.toLowerCase());
    if (isSidecarPath(f.path)) fail('writes a sidecar', f.path);
    if (c.articles.includes(f.path)) fail('writes an exported article', f.path);
    if (kind !== 'missing' && kind !== 'file') fail('writes a non-regular file', { path: f.path, kind });
    if (kind === 'file' && !r.replace.includes(f)) fail('replaces a file without asking', f.path);
    if (kind === 'file' && hasArticleExtension(f.path)) {
      const isBratCopy =
        f.path.endsWith('.txt') && disk[f.path.slice(0, -4) + '.ann'] === 'file' && (disk[f.path + '.annotations.json'] ?? 'missing') === 'missing';
      if (!isBratCopy) fail('replaces an article', f.path);
    }
  }
  // what is neither written nor refused must be the kept annotation.conf or a copy onto its own article
  for (const f of plan.files) {
    if (r.write.includes(f) || r.refused.some(x => x.path === f.path)) continue;
    if (!(f.keepExisting && disk[f.path] === 'file') && f.copyOf !== f.path) fail('a planned file vanished', f.path);
  }
}

// ---- export targets: the CLI on real folders ----

const ARTICLE = 'Angela Merkel met Emmanuel Macron in Berlin on Monday.\n';
const cliCase = fc.record({
  annotated: fc.subarray(['A/a.txt', 'A/b.md', 'B/a.txt', 'A/sub/c.txt'], { minLength: 1 }),
  plain: fc.subarray(['A/other.txt', 'B/b.txt', 'A/a.md', 'out/a.txt', 'out/a.csv', 'out/a.ann']),
  format: fc.constantFrom(...EXPORT_FORMATS.map(f => f.id)),
  out: fc.constantFrom('A/', 'B/', 'A/other.ann', 'A/a.txt', 'A/a.txt.annotations.json', 'out/', 'out/a.txt', 'out/x.ann', 'out/all.csv', 'A/sub/'),
  inputs: fc.subarray(['A', 'B', 'A/a.txt', 'B/a.txt', 'A/sub'], { minLength: 1 }),
  force: fc.boolean(),
});

function snapshotOf(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(path.relative(dir, full), fs.readFileSync(full, 'latin1'));
    }
  };
  walk(dir);
  return out;
}

type CliCase = typeof cliCase extends fc.Arbitrary<infer T> ? T : never;

async function checkCliExport(c: CliCase): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-fuzz-export-'));
  try {
    const put = (p: string, content: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
      fs.writeFileSync(path.join(dir, p), content);
    };
    for (const p of c.annotated) {
      put(p, ARTICLE);
      put(`${p}.annotations.json`, serializeSidecar(sidecarWithManual(ARTICLE, [[0, 13, 'person']])));
    }
    for (const p of c.plain) if (!c.annotated.includes(p)) put(p, `plain ${p}\n`);
    const before = snapshotOf(dir);
    const args = ['--format', c.format, '--out', c.out, ...(c.force ? ['--force'] : []), ...c.inputs.filter(i => fs.existsSync(path.join(dir, i)))];
    let code: number;
    try {
      code = await runExport(args, { stdout: () => undefined, stderr: () => undefined, cwd: dir });
    } catch (e) {
      fail('export threw', { args, error: String(e) });
    }
    const after = snapshotOf(dir);
    for (const [file, content] of before) {
      const isArticleOrSidecar = hasArticleExtension(file) || isSidecarPath(file);
      if (isArticleOrSidecar && after.get(file) !== content) fail('an article or sidecar changed', { args, file });
      if (!c.force && after.get(file) !== content) fail('an existing file changed without --force', { args, file });
    }
    if (code === 2) {
      for (const file of after.keys()) if (!before.has(file)) fail('a refused export wrote a file', { args, file });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---- symbolic links and FIFOs around a sidecar ----

const SECRET = 'SECRET-KEY-MATERIAL';
const SIDECAR_KINDS = ['valid', 'latin1', 'broken', 'link-inside', 'link-outside', 'dangling-link', 'fifo', 'folder'] as const;
const BACKUP_KINDS = ['none', 'link-outside', 'fifo', 'regular'] as const;

async function checkSidecarFiles(kind: (typeof SIDECAR_KINDS)[number], backup: (typeof BACKUP_KINDS)[number]): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-fuzz-links-'));
  try {
    const outside = path.join(dir, 'outside');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'id_rsa'), SECRET);
    const news = path.join(dir, 'news');
    fs.mkdirSync(news);
    const sidecar = path.join(news, 'a.txt.annotations.json');
    const valid = serializeSidecar(sidecarWithManual(ARTICLE, [[0, 13, 'person']]));
    switch (kind) {
      case 'valid':
        fs.writeFileSync(sidecar, valid);
        break;
      case 'latin1':
        fs.writeFileSync(sidecar, Buffer.from(valid.replace('"manual"', '"manual", "note": "caf\u00e9"'), 'latin1'));
        break;
      case 'broken':
        fs.writeFileSync(sidecar, '{"version": ');
        break;
      case 'link-inside':
        fs.writeFileSync(path.join(news, 'real.json'), valid);
        fs.symlinkSync('real.json', sidecar);
        break;
      case 'link-outside':
        fs.symlinkSync(path.join(outside, 'id_rsa'), sidecar);
        break;
      case 'dangling-link':
        fs.symlinkSync(path.join(outside, 'nothing'), sidecar);
        break;
      case 'fifo':
        execFileSync('mkfifo', [sidecar]);
        break;
      case 'folder':
        fs.mkdirSync(sidecar);
        break;
    }
    const bak = `${sidecar}.bak`;
    if (backup === 'link-outside') fs.symlinkSync(path.join(outside, 'id_rsa'), bak);
    if (backup === 'fifo') execFileSync('mkfifo', [bak]);
    if (backup === 'regular') fs.writeFileSync(bak, 'an older backup');
    const before = new Set(fs.readdirSync(news));
    const r = await loadSidecar(new NodeSidecarStorage(), sidecar);
    const message = r.status === 'error' ? r.error.message : '';
    if (message.includes(SECRET)) fail('the secret was printed', message);
    for (const name of fs.readdirSync(news)) {
      const full = path.join(news, name);
      const st = fs.lstatSync(full);
      if (st.isFile() && fs.readFileSync(full, 'utf8').includes(SECRET)) fail('the secret was copied', name);
      if (!before.has(name) && !['broken', 'latin1'].includes(kind)) fail('a file appeared', { kind, name });
    }
    if (fs.readFileSync(path.join(outside, 'id_rsa'), 'utf8') !== SECRET) fail('the outside file changed', kind);
    const expect = kind === 'valid' || kind === 'link-inside' ? 'ok' : kind === 'dangling-link' ? 'error-or-missing' : 'error';
    if (expect === 'ok' && r.status !== 'ok') fail('a good sidecar was refused', { kind, message });
    if (expect === 'error' && r.status !== 'error') fail('an unusable sidecar was accepted', { kind, status: r.status });
    if (kind === 'latin1' || kind === 'broken') {
      const copy = r.status === 'error' ? r.error.backup : undefined;
      if (!copy || !fs.readFileSync(copy).equals(fs.readFileSync(sidecar))) fail('a corrupt sidecar was not backed up byte for byte', { kind, backup, copy });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---- control characters in printed text ----

const OBEYED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const printed = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .array(fc.constantFrom('\x1b[2J', '\x1b]0;t\x07', '\r', '\n', '\t', '\u202e', '\u0085', '\x7f', '\u2066', 'ok', ' ', 'é'), { maxLength: 12 })
    .map(p => p.join('')),
);

function checkPrinted(chunks: string[]): void {
  for (const c of chunks) {
    const one = safeText(c);
    if (/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(one)) fail('safeText left a control character', one);
    if (!/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(c) && one !== c) fail('safeText changed text with no control character', c);
    if (OBEYED.test(safeOutput(c).replace(/\r\n/g, ''))) fail('safeOutput left a control character', c);
  }
  let seen = '';
  const io = terminalSafe({
    stdout: s => {
      seen += s;
    },
    stderr: s => {
      seen += s;
    },
    cwd: '/',
    stderrIsTTY: true,
    stdoutIsTTY: true,
  });
  for (const c of chunks) {
    io.stderr(c);
    io.stdout(c);
  }
  if (OBEYED.test(seen.replace(/\r\n/g, ''))) fail('a wrapped stream let a control character through', seen);
}

// ---- exports read by line readers ----

/** Python's str.splitlines() boundaries. */
const PY_LINES = /\r\n|[\n\v\f\r\u001c-\u001e\u0085\u2028\u2029]/;
/** Python's str.split() white space (beyond JS \s). */
const PY_SPACE = /[\s\u001c-\u001f\u0085]/u;
const breaking = fc.constantFrom(
  '\v',
  '\f',
  '\u001c',
  '\u001d',
  '\u001e',
  '\u001f',
  '\u0085',
  '\u2028',
  '\u2029',
  '＝',
  '＋',
  '－',
  '＠',
  '\n=',
  ' +',
  '\t@',
  '=',
);
const breakingText = fc.tuple(articleText, fc.array(fc.tuple(fc.nat(), breaking), { maxLength: 8 })).map(([text, inserts]) => {
  let t = text;
  for (const [at, piece] of inserts) {
    const i = t.length ? at % (t.length + 1) : 0;
    t = t.slice(0, i) + piece + t.slice(i);
  }
  return t;
});

function checkLineReaders(text: string, spans: readonly [number, number, 'person' | 'place' | 'organization' | 'date'][]): void {
  const sidecar = sidecarWithManual(text, spans);
  for (const format of EXPORT_FORMATS) {
    const out = format.export([{ fileName: 'a.txt', text, sidecar }]);
    const lines = out.content.split(PY_LINES);
    if (lines[lines.length - 1] === '') lines.pop();
    switch (format.id) {
      case 'jsonl-spacy':
      case 'jsonl-doccano':
        if (lines.length !== 1) fail(`${format.id}: one article must be one line for str.splitlines()`, lines.length);
        if ((JSON.parse(lines[0]) as { text: string }).text !== text) fail(`${format.id}: text changed`, null);
        break;
      case 'w3c':
        JSON.parse(out.content);
        break;
      case 'brat':
        for (const l of lines) {
          if (!/^(?:T\d+\t\S+ \d+ \d+(?:;\d+ \d+)*\t|\*\tAlias |#\d+\tAnnotatorNotes T\d+\t)/.test(l)) fail('brat: a broken .ann line', l);
          if (l.startsWith('T') && l.split('\t').length !== 3) fail('brat: a T line with a tab in its text', l);
        }
        break;
      case 'conll':
        for (const l of lines) {
          if (l === '') continue;
          const fields = l.split('\t');
          if (fields.length !== 2 || PY_SPACE.test(fields[0]) || fields[0] === '') fail('conll: not token<TAB>tag for Python readers', l);
        }
        break;
      case 'csv':
        for (const row of parseCsv(out.content).slice(1)) {
          for (const cell of row) if (/^(?:[\t\r\n]|\s*[=+\-@＝＋－＠])/u.test(cell) && !/^-?\d+$/.test(cell)) fail('csv: a cell that starts a formula', cell);
        }
        break;
    }
  }
}

const SPANS_TYPED = spanFractions;

export const EXPORT_PROPERTIES: (FuzzProperty & { async?: boolean })[] = [
  {
    name: 'export plan check: never an article, a sidecar, a link or two outputs on one path; replacing needs consent',
    weight: 10,
    async: true,
    property: () => fc.asyncProperty(planCase, checkPlanProperty) as unknown as fc.IProperty<unknown[]>,
  },
  {
    name: 'export CLI on real folders: articles and sidecars never change; a refused export writes nothing',
    weight: 1,
    async: true,
    property: () => fc.asyncProperty(cliCase, checkCliExport) as unknown as fc.IProperty<unknown[]>,
  },
  {
    name: 'sidecar links and FIFOs: never hang, never followed out of the folder, corrupt ones backed up',
    weight: 1,
    async: true,
    property: () =>
      fc.asyncProperty(fc.constantFrom(...SIDECAR_KINDS), fc.constantFrom(...BACKUP_KINDS), checkSidecarFiles) as unknown as fc.IProperty<unknown[]>,
  },
  {
    name: 'terminal: what the CLI prints holds no control character a terminal obeys',
    weight: 10,
    property: () => fc.property(fc.array(printed, { maxLength: 6 }), checkPrinted),
  },
  {
    name: 'exports for line readers: no record broken by VT/FF/NEL/FS-RS/U+2028/9, no CSV formula in any spelling',
    weight: 5,
    property: () => fc.property(breakingText, SPANS_TYPED, checkLineReaders),
  },
];

/** Runs per property for a total (the file-system ones are costly per case: they get few). */
export function exportRunsFor(total: number): number[] {
  return EXPORT_PROPERTIES.map(p => Math.max(1, Math.ceil((total * p.weight) / 100)));
}

export type { FuzzConfig };
