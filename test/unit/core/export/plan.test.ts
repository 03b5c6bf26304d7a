// The export plan (which files an export writes) and its checker (what may be written), on an in-memory disk.
import { strict as assert } from 'node:assert';
import {
  BRAT_ANNOTATION_CONF,
  checkPlan,
  defaultExportName,
  EXPORT_FORMATS,
  findExportFormat,
  folderNames,
  planExport,
  type PlanArticle,
  type TargetKind,
} from '../../../../src/core/export';
import { sidecarFromParts } from '../../../fixtures/export/sidecarFor';

const format = (id: string) => findExportFormat(id)!;
const paths = { join: (folder: string, rel: string) => `${folder}/${rel}`, dirname: (f: string) => f.replace(/\/[^/]*$/, '') };
const article = (source: string, relative = source.replace(/^.*\//, '')): PlanArticle => {
  const text = 'Angela Merkel visited Paris.';
  const name = source.replace(/^.*\//, '');
  return {
    input: {
      fileName: name,
      text,
      sidecar: sidecarFromParts(name, text, [{ id: 'a1', type: 'person', start: 0, end: 13, text: 'Angela Merkel', source: 'auto' }]),
    },
    source,
    relative,
  };
};
/** A disk of known paths; everything else is missing. */
const disk = (entries: Record<string, TargetKind>) => ({ kind: async (p: string) => entries[p] ?? 'missing' });

describe('export plan', () => {
  it('brat to a file: the .ann, its .txt copy beside it, and annotation.conf in its folder (kept if there)', () => {
    const plan = planExport(format('brat'), [article('/a/story.txt')], { kind: 'file', file: '/out/x.ann' }, paths);
    assert.deepEqual(
      plan.files.map(f => [f.path, f.role, f.keepExisting ?? false]),
      [
        ['/out/x.ann', 'export', false],
        ['/out/x.txt', 'copy', false],
        ['/out/annotation.conf', 'config', true],
      ],
    );
    assert.equal(plan.files[2].content, BRAT_ANNOTATION_CONF);
    assert.equal(plan.files[1].copyOf, '/a/story.txt');
  });

  it('a folder export names each output after its relative path; a.txt and a.md keep their extension', () => {
    const plan = planExport(
      format('csv'),
      [article('/in/d/a.txt', 'd/a.txt'), article('/in/d/a.md', 'd/a.md'), article('/in/b.txt', 'b.txt')],
      { kind: 'folder', folder: '/out' },
      paths,
    );
    assert.deepEqual(
      plan.files.map(f => f.path),
      ['/out/d/a.txt.csv', '/out/d/a.md.csv', '/out/b.csv'],
    );
    assert.deepEqual(folderNames(['A.txt', 'a.md'], format('csv')), ['A.txt.csv', 'a.md.csv'], 'names equal but for case are one file on macOS');
  });

  it('spaCy and doccano JSONL do not share a default name', () => {
    const names = EXPORT_FORMATS.map(f => defaultExportName('story.txt', f));
    assert.equal(new Set(names).size, names.length, names.join(' '));
    assert.equal(defaultExportName('story.txt', format('jsonl-spacy')), 'story.spacy.jsonl');
    assert.equal(defaultExportName('story.txt', format('jsonl-doccano')), 'story.doccano.jsonl');
  });

  it('W3C targets are computed for the file each article goes into', () => {
    const plan = planExport(format('w3c'), [article('/in/a.txt')], { kind: 'folder', folder: '/out' }, paths, (_a, file) => `for:${file}`);
    assert.match(plan.files[0].content, /"source": "for:\/out\/a\.jsonld"/);
  });
});

describe('export plan check', () => {
  const brat = (target: string, ...articles: PlanArticle[]) => planExport(format('brat'), articles, { kind: 'file', file: target }, paths).files;

  it('refuses a brat .txt copy onto another article (export --out A/other.ann A/a.txt)', async () => {
    const r = await checkPlan(brat('/A/other.ann', article('/A/a.txt')), ['/A/a.txt'], disk({ '/A/a.txt': 'file', '/A/other.txt': 'file', '/A': 'folder' }));
    assert.deepEqual(
      r.refused.map(x => x.path),
      ['/A/other.txt'],
    );
    assert.match(r.refused[0].reason, /it is an article/);
  });

  it('the .txt copy planned onto the article itself is already there: skipped, not refused', async () => {
    const r = await checkPlan(brat('/A/a.ann', article('/A/a.txt')), ['/A/a.txt'], disk({ '/A/a.txt': 'file' }));
    assert.deepEqual(r.refused, []);
    assert.deepEqual(
      r.write.map(f => f.path),
      ['/A/a.ann', '/A/annotation.conf'],
    );
  });

  it('refuses to write over the exported article, any sidecar or backup, even one that does not exist yet', async () => {
    const csv = (file: string) => planExport(format('csv'), [article('/A/a.txt')], { kind: 'file', file }, paths).files;
    for (const [target, reason] of [
      ['/A/a.txt', /article being exported/],
      ['/A/a.txt.annotations.json', /sidecar/],
      ['/A/b.txt.annotations.json', /sidecar/],
      ['/A/a.txt.annotations.json.bak.2', /sidecar/],
    ] as const) {
      const r = await checkPlan(csv(target), ['/A/a.txt'], disk({ '/A/a.txt': 'file', '/A/a.txt.annotations.json': 'file' }));
      assert.equal(r.refused.length, 1, target);
      assert.match(r.refused[0].reason, reason, target);
      assert.deepEqual(r.write, [], target);
    }
  });

  it('refuses an existing article in the target folder (a story.md export onto story.txt)', async () => {
    const plan = planExport(format('brat'), [article('/C/story.md', 'story.md')], { kind: 'folder', folder: '/C' }, paths).files;
    const r = await checkPlan(plan, ['/C/story.md'], disk({ '/C/story.md': 'file', '/C/story.txt': 'file', '/C/story.txt.annotations.json': 'file' }));
    assert.deepEqual(
      r.refused.map(x => x.path),
      ['/C/story.txt'],
    );
  });

  it('an existing export file, or a brat copy (.ann beside, no sidecar), needs consent: listed in replace', async () => {
    const r = await checkPlan(
      brat('/out/x.ann', article('/A/a.txt')),
      ['/A/a.txt'],
      disk({ '/out/x.ann': 'file', '/out/x.txt': 'file', '/out/annotation.conf': 'file' }),
    );
    assert.deepEqual(r.refused, []);
    assert.deepEqual(
      r.replace.map(f => f.path),
      ['/out/x.ann', '/out/x.txt'],
    );
    assert.deepEqual(
      r.write.map(f => f.path),
      ['/out/x.ann', '/out/x.txt'],
      'the existing annotation.conf is kept',
    );
  });

  it('refuses two outputs on one path, including names equal but for case', async () => {
    const files = [
      { path: '/o/a.csv', content: '1', role: 'export' as const },
      { path: '/o/A.csv', content: '2', role: 'export' as const },
    ];
    const r = await checkPlan(files, [], disk({}));
    assert.deepEqual(
      r.refused.map(x => x.path),
      ['/o/A.csv'],
    );
    assert.match(r.refused[0].reason, /same file/);
  });

  it('writes regular files only: a link, a folder or a FIFO at a target is refused', async () => {
    for (const kind of ['symlink', 'folder', 'other'] as const) {
      const r = await checkPlan([{ path: '/o/a.csv', content: '', role: 'export' }], [], disk({ '/o/a.csv': kind }));
      assert.equal(r.refused.length, 1, kind);
      assert.deepEqual(r.write, [], kind);
    }
  });

  it('probes several targets at once, answers taken in order: the same check whatever order they come back in', async () => {
    const kinds: Record<string, TargetKind> = { '/o/1.csv': 'file', '/o/3.csv': 'folder', '/o/5.csv': 'symlink', '/o/7.csv': 'file' };
    const files = Array.from({ length: 40 }, (_, i) => ({ path: i === 9 ? '/o/a.txt.annotations.json' : `/o/${i}.csv`, content: '', role: 'export' as const }));
    files.push({ path: '/o/3.CSV', content: '', role: 'export' });
    const inOrder = await checkPlan(files, [], disk(kinds));
    let underWay = 0;
    let most = 0;
    const slow = {
      // the later a target in the plan, the sooner its answer
      kind: async (p: string) => {
        most = Math.max(most, ++underWay);
        await new Promise(resolve => setTimeout(resolve, 40 - Number(/\d+/.exec(p)?.[0] ?? 0)));
        underWay--;
        return kinds[p] ?? 'missing';
      },
    };
    const shuffled = await checkPlan(files, [], slow);
    assert.deepEqual(shuffled, inOrder);
    assert.deepEqual(
      inOrder.refused.map(r => r.path),
      ['/o/3.csv', '/o/5.csv', '/o/a.txt.annotations.json', '/o/3.CSV'],
      'refusals in the order of the plan',
    );
    assert.ok(most > 1 && most <= 16, `probes under way at once: ${most}`);
  });
});
