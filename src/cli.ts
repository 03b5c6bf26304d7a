// Command-line entry: annotates articles without VS Code.
// FIRST VERSION (foundation): prints what the analysis finds; the sidecar issue adds writing and options.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from './core';

function articlesIn(p: string): string[] {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return [p];
  return fs.readdirSync(p).sort().filter(n => !n.startsWith('.')).flatMap(n => {
    const full = path.join(p, n);
    if (fs.statSync(full).isDirectory()) return articlesIn(full);
    return /\.(txt|md)$/i.test(n) ? [full] : [];
  });
}

function main(argv: string[]): number {
  const [command, ...paths] = argv;
  if (command !== 'annotate' || paths.length === 0) {
    process.stderr.write('usage: news-annotator annotate PATH...\n');
    return 2;
  }
  for (const file of paths.flatMap(articlesIn)) {
    const result = analyze(fs.readFileSync(file, 'utf8'));
    const counts = { person: 0, place: 0, organization: 0, date: 0 };
    for (const a of result.annotations) counts[a.type]++;
    process.stdout.write(`${file}: ${counts.person} person, ${counts.place} place, ${counts.organization} organization, ${counts.date} date\n`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
