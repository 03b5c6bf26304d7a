// The worker thread's script when the CLI runs from source (the tests, through tsx), where there is no bundle to load
// (./workerThread.ts is its bundled counterpart).
import { serveTasks } from './worker';

serveTasks();
