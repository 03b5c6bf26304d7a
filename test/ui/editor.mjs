// `npm run editor`: the real VS Code (code-server) with News Annotator installed, on 127.0.0.1, over a copy
// of the sample articles (or the folder given as the first argument). Prints the URL to open.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureTools, packageVsix, root, startCodeServer } from './code-server.mjs';

ensureTools();
const vsix = packageVsix();
let workspace = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
if (!workspace) {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-editor-'));
  fs.cpSync(path.join(root, 'seeds'), workspace, { recursive: true, filter: s => !/\.annotations\.json/.test(s) });
}
const port = process.env.PORT ? Number(process.env.PORT) : 8080;
const server = await startCodeServer({ workspace, vsix, port });
console.log(`\nNews Annotator is running in VS Code at:\n\n  ${server.url}\n\nworkspace: ${workspace}\nPress Ctrl+C to stop.`);
process.on('SIGINT', () => {
  server.stop();
  process.exit(0);
});
setInterval(() => {}, 1 << 30);
