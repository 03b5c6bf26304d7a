// The entries a folder walk must get right, made in a test's folder: links to a folder and to a file, a broken link,
// a link from inside the folder back to it (a loop) and a FIFO (a read of it would wait for a writer for ever).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Makes them in `root`, which must hold real/r.txt: linkdir -> real, link.txt -> real/r.txt, broken.txt, real/loop -> root, fifo.txt. */
export function makeAwkwardEntries(root: string): void {
  fs.symlinkSync(path.join(root, 'real'), path.join(root, 'linkdir'));
  fs.symlinkSync(path.join(root, 'real/r.txt'), path.join(root, 'link.txt'));
  fs.symlinkSync(path.join(root, 'nowhere.txt'), path.join(root, 'broken.txt'));
  fs.symlinkSync(root, path.join(root, 'real/loop'));
  execFileSync('mkfifo', [path.join(root, 'fifo.txt')]);
}
