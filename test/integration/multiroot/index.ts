// The multi-root session (run.mjs opens a .code-workspace of two folders, north and south, with a fresh profile).
export { run } from '../suite/index';
