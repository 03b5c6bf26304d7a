// CoNLL IOB2: `token<TAB>tag` a line, a blank line after each sentence, `-DOCSTART-<TAB>O` and a blank line before
// each article (as CoNLL-2003 does). IOB2 cannot nest or overlap spans: of overlapping annotations the one that
// starts first (the longer one on a tie) is kept and the others are reported.
import { CONLL_LABELS } from './labels';
import { prepareArticle, type ExportSpan } from './spans';
import { sentences, tokenize } from './tokens';
import type { ExportInput, ExportResult } from './types';

export const DOCSTART = '-DOCSTART-';

/** Spans sorted by start (longer first); keeps those that do not overlap an earlier kept one. */
function withoutOverlaps(spans: readonly ExportSpan[], fileName: string, warnings: string[]): ExportSpan[] {
  const kept: ExportSpan[] = [];
  for (const s of spans) {
    const last = kept[kept.length - 1];
    if (last && s.start < last.end) {
      warnings.push(`${fileName}: "${s.annotation.text}" (${s.type}, ${s.annotation.id}) overlaps "${last.annotation.text}" (${last.type}); CoNLL IOB2 cannot hold both, left it out.`);
      continue;
    }
    kept.push(s);
  }
  return kept;
}

function exportArticle(input: ExportInput, warnings: string[]): string {
  const prepared = prepareArticle(input);
  warnings.push(...prepared.warnings);
  const spans = withoutOverlaps(prepared.spans, input.fileName, warnings);
  const tokens = tokenize(input.text, spans);
  const lines = [`${DOCSTART}\tO`, ''];
  let k = 0;
  // a span's first token gets B- even when the span starts with a separator no token holds (see tokens.ts)
  let lastTagged = -1;
  const tagged = new Set<number>();
  for (const sentence of sentences(input.text, tokens, spans)) {
    for (const t of sentence) {
      while (k < spans.length && spans[k].end <= t.start) k++;
      const s = spans[k];
      const inSpan = s && s.start <= t.start && t.end <= s.end;
      const tag = inSpan ? `${lastTagged === k ? 'I' : 'B'}-${CONLL_LABELS[s.type]}` : 'O';
      if (inSpan) { lastTagged = k; tagged.add(k); }
      lines.push(`${t.text}\t${tag}`);
    }
    lines.push('');
  }
  spans.forEach((s, i) => {
    if (!tagged.has(i)) {
      warnings.push(`${input.fileName}: "${s.annotation.text}" (${s.type}, ${s.annotation.id}) holds no token (only separator or control characters); CoNLL cannot hold it, left it out.`);
    }
  });
  return lines.join('\n') + '\n';
}

export function exportConll(inputs: readonly ExportInput[]): ExportResult {
  const warnings: string[] = [];
  const content = inputs.map(input => exportArticle(input, warnings)).join('');
  return { content, companions: [], warnings };
}
