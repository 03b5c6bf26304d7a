// Reads a CoNLL-2003 file into documents whose text is rebuilt as the data README prescribes:
// tokens joined by one space, sentences by a newline; gold spans keep their character offsets.
import { readFileSync } from 'node:fs';

export interface GoldSpan {
  start: number;
  end: number;
  label: string;
}
export interface ConllDocument {
  text: string;
  gold: GoldSpan[];
}

export function readConll(file: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let sentences: string[][][] = [];
  let sentence: string[][] = [];
  const flushSentence = () => {
    if (sentence.length) sentences.push(sentence);
    sentence = [];
  };
  const flushDoc = () => {
    flushSentence();
    if (sentences.length) docs.push(build(sentences));
    sentences = [];
  };
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line.startsWith('-DOCSTART-')) {
      flushDoc();
      continue;
    }
    if (!line) {
      flushSentence();
      continue;
    }
    const cols = line.split(' ');
    sentence.push([cols[0], cols[cols.length - 1]]);
  }
  flushDoc();
  return docs;
}

function build(sentences: string[][][]): ConllDocument {
  let text = '';
  const gold: GoldSpan[] = [];
  let open: GoldSpan | null = null;
  const close = () => {
    if (open) gold.push(open);
    open = null;
  };
  sentences.forEach((s, si) => {
    if (si > 0) {
      close();
      text += '\n';
    }
    s.forEach(([token, tag], ti) => {
      if (ti > 0) text += ' ';
      const start = text.length;
      text += token;
      const end = text.length;
      if (tag === 'O') {
        close();
        return;
      }
      const [bio, label] = tag.split('-');
      // IOB1: B- only starts an entity right after one of the same type; I- continues the same type.
      if (open && open.label === label && bio === 'I') {
        open.end = end;
        return;
      }
      close();
      open = { start, end, label };
    });
  });
  close();
  return { text, gold };
}
