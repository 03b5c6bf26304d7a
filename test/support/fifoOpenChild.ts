// Run by test/unit/node/fileCalls.test.ts in a child process (a blocked thread would hang the test run, not fail it):
// asyncCalls opens a FIFO for writing, which waits until something opens it for reading. If the open held this
// thread, the next line would never run; it opens the reading end, which lets the open finish. Prints "ok".
import * as fs from 'node:fs';
import { asyncCalls } from '../../src/node/fileCalls';

const fifo = process.argv[2];
const opening = asyncCalls.open(fifo, 'w');
const reader = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
void opening.then(async fd => {
  await asyncCalls.write(fd, Buffer.from('ok'), 0);
  await asyncCalls.close(fd);
  process.stdout.write(fs.readFileSync(reader, 'utf8'));
  fs.closeSync(reader);
});
