// CoNLL IOB2: `token<TAB>tag` a line, a blank line after each sentence, `-DOCSTART-<TAB>O` and a blank line before
// each article (as CoNLL-2003 does). IOB2 cannot nest or overlap spans: of overlapping annotations the one that
// starts first (the longer one on a tie) is kept and the others are reported.
import { firstOfOverlapping } from '../spans';
import { CONLL_LABELS } from './labels';
import { prepareArticle } from './spans';
import { sentences, tokenize } from './tokens';
import type { ExportInput, ExportResult } from './types';

export const DOCSTART = '-DOCSTART-';

function exportArticle(input: ExportInput, warnings: string[]): string {
  const prepared = prepareArticle(input);
  warnings.push(...prepared.warnings);
  // spans come sorted by start, longer first: of overlapping ones the first is kept and the others reported
  const spans = firstOfOverlapping(prepared.spans, {
    dropped: (s, kept) =>
      warnings.push(
        `${input.fileName}: "${s.annotation.text}" (${s.type}, ${s.annotation.id}) overlaps "${kept.annotation.text}" (${kept.type}); CoNLL IOB2 cannot hold both, left it out.`,
      ),
  });
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
      if (inSpan) {
        lastTagged = k;
        tagged.add(k);
      }
      lines.push(`${t.text}\t${tag}`);
    }
    lines.push('');
  }
  spans.forEach((s, i) => {
    if (!tagged.has(i)) {
      warnings.push(
        `${input.fileName}: "${s.annotation.text}" (${s.type}, ${s.annotation.id}) holds no token (only separator or control characters); CoNLL cannot hold it, left it out.`,
      );
    }
  });
  return lines.join('\n') + '\n';
}

export function exportConll(inputs: readonly ExportInput[]): ExportResult {
  const warnings: string[] = [];
  const content = inputs.map(input => exportArticle(input, warnings)).join('');
  return { content, companions: [], warnings };
}
