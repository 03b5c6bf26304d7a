// The script of each worker thread behind `--jobs` (bundled to dist/worker.js, started by ./pool.ts): loads the CLI's
// bundle (dist/cli-bundle.js) with its code cache, as the main thread's launcher does, and takes tasks.
import type { serveTasks } from './bundle';
import { loadCliBundle } from '../node/codeCache';

(loadCliBundle(__dirname, 'worker thread') as { serveTasks: typeof serveTasks }).serveTasks();
