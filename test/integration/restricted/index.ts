// The Restricted Mode session (run.mjs starts it with workspace trust on and the workspace untrusted).
export { run } from '../suite/index';
