// `npm run bench:editor`: only the benchmark's section 12, the corpus index in the real editor (scripts/bench/editor.ts),
// for working on the editor's index without running the whole benchmark.
import { corpusDocs } from './bench/corpusTexts';
import { editorSection } from './bench/editor';

const { docs, name } = corpusDocs();
console.log(`News Annotator benchmark, the editor's corpus index only (node ${process.version})`);
editorSection(docs, name).catch((e: unknown) => {
  console.error(`bench:editor: ${(e as Error).message}`);
  process.exit(1);
});
