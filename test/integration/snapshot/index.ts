// The corpus snapshot's session (run.mjs opens a fresh folder of the sample articles with a fresh profile; no test
// opens an article before the snapshot is written).
export { run } from '../suite/index';
