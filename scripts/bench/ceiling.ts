// The benchmark's ceiling for `--jobs` (issue 14): what fully independent jobs give on this machine. The folder is cut
// into one part per core, each part annotated by its own `annotate --jobs 1` process, all started at once, alternating
// with one such process on the whole folder. The processes share nothing (no heap, no queue, no main thread), so no way
// of sharing the work inside one process can beat this ratio here: it is what the hardware gives two busy Node
// processes (their collector and compiler threads, memory and file system included), printed beside `--jobs N`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { alternate, fmt, type ProcessRun, runNodeTogether, runsText } from './processRuns';

export interface CeilingInput {
  tmp: string;
  cli: string;
  /** The ~4 MB folder's documents, as the `--jobs` runs annotate them. */
  docs: readonly string[];
  parts: number;
  /** One `annotate --jobs 1` run on the whole folder (sidecars removed first). */
  whole: () => ProcessRun;
  removeSidecars: (dir: string) => void;
}

/** Prints the ceiling line: `parts` independent processes on the folder's parts vs one process on all of it. */
export async function printJobsCeiling({ tmp, cli, docs, parts, whole, removeSidecars }: CeilingInput): Promise<void> {
  const dirs = Array.from({ length: parts }, (_, p) => path.join(tmp, `big-part${p}`));
  dirs.forEach((dir, p) => {
    fs.mkdirSync(dir, { recursive: true });
    // every parts-th document, so each part has the same mix of long and short articles
    docs.forEach((d, i) => {
      if (i % parts === p) fs.writeFileSync(path.join(dir, `doc-${String(i).padStart(5, '0')}.txt`), d);
    });
  });
  const chars = docs.reduce((n, d) => n + d.length, 0);
  const together = () =>
    runNodeTogether(
      tmp,
      dirs.map(dir => [cli, 'annotate', '--jobs', '1', dir]),
    );
  const r = await alternate(3, whole, together, () => dirs.forEach(removeSidecars));
  console.log(
    `   ceiling of ${parts} jobs on this machine: the folder in ${parts} parts, one independent process each (--jobs 1), all at once: ${runsText(r.b, chars)}`,
  );
  console.log(
    `   ${fmt(r.a.medianMs / r.b.medianMs, 2)}x by medians, ${fmt(r.pairRatio, 2)}x median within pairs, over one process on the whole folder ` +
      `(${runsText(r.a, chars)}); CPU of the ${parts} processes over the one ${fmt(r.b.medianCpuMs / r.a.medianCpuMs, 2)}x`,
  );
}
