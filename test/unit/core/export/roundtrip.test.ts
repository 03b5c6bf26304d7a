// Every export format, read back by an independent reader, gives the same spans (type, text, code point offsets)
// as the sidecar it was made from: for the sample articles annotated by the real analysis, and for an article with
// emoji, combining accents, CJK text and CRLF line ends.
import { strict as assert } from 'node:assert';
import {
  EXPORT_FORMATS,
  exportBrat,
  exportConll,
  exportCsv,
  exportJsonlDoccano,
  exportJsonlSpacy,
  exportW3c,
  type ExportInput,
} from '../../../../src/core/export';
import { seedInputs, unicodeAnalyzedInput, unicodeHandInput, unicodeText } from '../../../fixtures/export/articles';
import { cpLength, cpSlice, readBrat, readConll, readCsv, readJsonlDoccano, readJsonlSpacy, readW3c, type ReadSpan } from '../../../fixtures/export/parsers';

/** What the sidecars say, in code points, computed here without the exporters' code. */
function expectedSpans(inputs: readonly ExportInput[]): ReadSpan[] {
  return inputs.flatMap(i =>
    i.sidecar.annotations.map(a => ({
      file: i.fileName,
      type: a.type,
      text: a.text,
      start: cpLength(i.text.slice(0, a.start)),
      end: cpLength(i.text.slice(0, a.end)),
    })),
  );
}

const order = (spans: ReadSpan[]) =>
  [...spans].sort((a, b) => a.file.localeCompare(b.file) || a.start - b.start || a.end - b.end || a.type.localeCompare(b.type));

/** IOB2 cannot overlap: the spans a faithful CoNLL export keeps (first start wins, longer first on a tie). */
function withoutOverlaps(spans: ReadSpan[]): ReadSpan[] {
  const sorted = [...spans].sort((a, b) => a.file.localeCompare(b.file) || a.start - b.start || b.end - a.end);
  const kept: ReadSpan[] = [];
  for (const s of sorted) {
    const last = kept[kept.length - 1];
    if (last && last.file === s.file && s.start < last.end) continue;
    kept.push(s);
  }
  return kept;
}

function roundTrips(name: string, inputsOf: () => ExportInput[]) {
  describe(name, () => {
    let inputs: ExportInput[];
    let expected: ReadSpan[];
    before(() => {
      inputs = inputsOf();
      expected = order(expectedSpans(inputs));
    });

    it('has annotations to export', () => {
      assert.ok(expected.length > 0);
      for (const s of expected) assert.equal(cpSlice(inputs.find(i => i.fileName === s.file)!.text, s.start, s.end), s.text);
    });

    it('W3C Web Annotation', () => {
      const r = exportW3c(inputs);
      assert.deepEqual(r.warnings, []);
      const { spans, annotations } = readW3c(r.content, source => decodeURIComponent(source));
      assert.deepEqual(order(spans), expected);
      for (const a of annotations) {
        const input = inputs.find(i => i.fileName === decodeURIComponent(a.target.source))!;
        const quote = a.target.selector.find(s => s.type === 'TextQuoteSelector')!;
        const pos = a.target.selector.find(s => s.type === 'TextPositionSelector')!;
        // the quote's context must be the text right around the position, as a W3C client re-anchors with it
        assert.ok(
          Array.from(input.text)
            .slice(0, pos.start!)
            .join('')
            .endsWith(quote.prefix ?? ''),
        );
        assert.ok(
          Array.from(input.text)
            .slice(pos.end!)
            .join('')
            .startsWith(quote.suffix ?? ''),
        );
        assert.ok(cpLength(quote.prefix ?? '') <= 32 && cpLength(quote.suffix ?? '') <= 32);
        const id = a.id.split('#')[1];
        const stored = input.sidecar.annotations.find(x => x.id === id)!;
        const identifying = a.body.find(b => b.purpose === 'identifying')?.value;
        assert.equal(identifying, input.sidecar.entities.find(e => e.id === stored.entity)?.name);
        assert.equal(a.body.find(b => b.purpose === 'describing')?.value, typeof stored.value === 'string' ? stored.value : undefined);
      }
    });

    it('brat standoff', () => {
      for (const input of inputs) {
        const r = exportBrat([input]);
        assert.deepEqual(r.warnings, []);
        assert.deepEqual(r.companions, [{ extension: '.txt', content: input.text }]);
        const read = readBrat(r.content, r.companions[0].content, input.fileName);
        assert.deepEqual(order(read.spans.map(({ file, type, text, start, end }) => ({ file, type, text, start, end }))), order(expectedSpans([input])));
        // equivalence lines group exactly the mentions of each entity that has more than one
        const byT = new Map(read.spans.map(s => [s.id, s]));
        const entityOf = (t: string) => {
          const s = byT.get(t)!;
          return input.sidecar.annotations.find(a => cpLength(input.text.slice(0, a.start)) === s.start && cpLength(input.text.slice(0, a.end)) === s.end)!
            .entity;
        };
        const groups = read.aliases.map(ids => ids.map(entityOf));
        for (const g of groups) assert.equal(new Set(g).size, 1);
        const expectedGroups = new Map<string, number>();
        for (const a of input.sidecar.annotations) if (a.entity) expectedGroups.set(a.entity, (expectedGroups.get(a.entity) ?? 0) + 1);
        assert.deepEqual(
          groups.map(g => g[0]).sort(),
          [...expectedGroups]
            .filter(([, n]) => n > 1)
            .map(([e]) => e)
            .sort(),
        );
        for (const [t, note] of read.notes) {
          const s = byT.get(t)!;
          const a = input.sidecar.annotations.find(x => cpLength(input.text.slice(0, x.start)) === s.start && x.type === s.type)!;
          if (a.type === 'date' && typeof a.value === 'string') assert.ok(note.startsWith(a.value), `${note} should give ${a.value}`);
        }
        const dated = input.sidecar.annotations.filter(a => a.type === 'date' && typeof a.value === 'string').length;
        assert.ok([...read.notes.values()].length >= dated);
      }
    });

    it('CoNLL IOB2', () => {
      const r = exportConll(inputs);
      const kept = withoutOverlaps(expected);
      assert.equal(r.warnings.length, expected.length - kept.length, r.warnings.join('\n'));
      const { spans, sentences } = readConll(
        r.content,
        inputs.map(i => ({ file: i.fileName, text: i.text })),
      );
      assert.deepEqual(order(spans), order(kept));
      assert.ok(sentences >= inputs.length);
    });

    it('spaCy / Prodigy JSONL', () => {
      const r = exportJsonlSpacy(inputs);
      assert.deepEqual(r.warnings, []);
      assert.equal(r.content.split('\n').length - 1, inputs.length);
      assert.deepEqual(order(readJsonlSpacy(r.content)), expected);
    });

    it('doccano JSONL', () => {
      const r = exportJsonlDoccano(inputs);
      assert.deepEqual(r.warnings, []);
      assert.deepEqual(order(readJsonlDoccano(r.content)), expected);
    });

    it('CSV', () => {
      const r = exportCsv(inputs);
      assert.deepEqual(r.warnings, []);
      const { spans, records } = readCsv(r.content);
      assert.deepEqual(order(spans), expected);
      for (const rec of records) {
        const input = inputs.find(i => i.fileName === rec.file)!;
        const before = Array.from(input.text).slice(0, Number(rec.start)).join('');
        const lines = before.split(/\r\n|\r|\n/);
        assert.equal(Number(rec.line), lines.length, `line of ${rec.text}`);
        assert.equal(Number(rec.column), cpLength(lines[lines.length - 1]) + 1, `column of ${rec.text}`);
        const stored = input.sidecar.annotations.find(a => cpLength(input.text.slice(0, a.start)) === Number(rec.start) && a.type === rec.type)!;
        assert.equal(rec.entity, input.sidecar.entities.find(e => e.id === stored.entity)?.name ?? '');
        assert.equal(rec.value, stored.value ?? '');
        assert.equal(rec.source, stored.source);
        assert.equal(rec.note, stored.note ?? '');
      }
    });

    it('every registered format exports them', () => {
      for (const f of EXPORT_FORMATS) {
        const r = f.multiDocument ? f.export(inputs) : f.export([inputs[0]]);
        assert.ok(r.content.length > 0, f.id);
      }
    });
  });
}

describe('export round trip', () => {
  roundTrips('the five sample articles, analysed, in one export', seedInputs);
  for (let i = 0; i < 5; i++) roundTrips(`sample article ${i + 1} on its own`, () => [seedInputs()[i]]);
  roundTrips('emoji, combining accents, CJK and CRLF, annotated by hand', () => [unicodeHandInput()]);
  roundTrips('emoji, combining accents, CJK and CRLF, analysed', () => [unicodeAnalyzedInput()]);
  roundTrips('the sample articles and the unicode article together', () => [...seedInputs(), unicodeHandInput()]);

  describe('code points, not UTF-16 units', () => {
    it('the fixture really has astral characters, combining marks, CJK and CRLF', () => {
      const text = unicodeText();
      assert.ok(text.includes('\r\n'));
      assert.ok(cpLength(text) < text.length, 'astral characters make UTF-16 longer');
      assert.match(text, /\p{M}/u);
      assert.match(text, /\p{Script=Han}/u);
    });

    it('offsets after emoji differ from the UTF-16 ones and point at the same text', () => {
      const input = unicodeHandInput();
      const merkel = input.sidecar.annotations.find(a => a.text === 'Merkel')!;
      const row = (JSON.parse(exportJsonlDoccano([input]).content) as { label: [number, number, string][] }).label.find(
        l => l[2] === 'PERSON' && cpSlice(input.text, l[0], l[1]) === 'Merkel',
      )!;
      assert.ok(row[0] < merkel.start, 'UTF-16 offset is larger past the emoji');
      assert.equal(row[0], cpLength(input.text.slice(0, merkel.start)));
      assert.equal(row[1] - row[0], 6);
    });

    it('brat splits a span across a CRLF into fragments on each line', () => {
      const input = unicodeHandInput();
      const r = exportBrat([input]);
      const line = r.content.split('\n').find(l => l.endsWith('\tAngela Merkel'))!;
      const [, typeAndOffsets] = line.split('\t');
      const frags = typeAndOffsets.split(' ').slice(1).join(' ').split(';');
      assert.equal(frags.length, 2);
      const [[s1, e1], [s2, e2]] = frags.map(f => f.split(' ').map(Number));
      assert.equal(cpSlice(input.text, s1, e1), 'Angela');
      assert.equal(cpSlice(input.text, s2, e2), 'Merkel');
      assert.equal(cpSlice(input.text, e1, s2), '\r\n');
    });

    it('CoNLL keeps CJK names as their characters, B- then I-, and emoji, flags and skin tones whole', () => {
      const r = exportConll([unicodeHandInput()]);
      assert.match(r.content, /^習\tB-PER\n近\tI-PER\n平\tI-PER\n/m);
      assert.match(r.content, /^Angela\tB-PER\nMerkel\tI-PER\n/m);
      assert.match(r.content, /^👩‍👩‍👧\tO$/mu);
      assert.match(r.content, /^🇯🇵\tO$/mu);
      assert.match(r.content, /^👋🏽\tO$/mu);
    });
  });
});
