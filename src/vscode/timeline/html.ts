// The Timeline webview's page: a strict Content-Security-Policy (nothing by default; the bundled script only with
// this page's nonce; styles and fonts only from the extension), and no article text: the script draws that with
// textContent once the data arrives by message.
import * as vscode from 'vscode';

export function nonce(): string {
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

export function timelineHtml(webview: vscode.Webview, extensionUri: vscode.Uri, n: string): string {
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'timeline.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'timeline', 'timeline.css'));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
    `script-src 'nonce-${n}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${vscode.env.language.replace(/[^A-Za-z0-9-]/g, '')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Timeline</title>
</head>
<body>
<header class="toolbar" role="toolbar" aria-label="Timeline tools">
  <label>Articles <select id="scope"><option value="active">Active article</option><option value="open">All open articles</option></select></label>
  <label>Article <select id="article"></select></label>
  <label>Entity <select id="entity"></select></label>
  <button id="zoom-in" type="button" aria-label="Zoom in">+</button>
  <button id="zoom-out" type="button" aria-label="Zoom out">−</button>
  <button id="zoom-reset" type="button">Fit</button>
  <button id="export-svg" type="button">Export SVG</button>
  <button id="export-csv" type="button">Export CSV</button>
</header>
<p id="status" role="status" aria-live="polite"></p>
<div id="chart" tabindex="0" role="region" aria-label="Time axis: arrow keys pan, plus and minus zoom, 0 fits"></div>
<section aria-labelledby="events-title"><h2 id="events-title">Events</h2><ol id="events" class="cards"></ol></section>
<section id="unplaced-section" aria-labelledby="unplaced-title"><h2 id="unplaced-title">Not on the timeline</h2><div id="unplaced"></div></section>
<script nonce="${n}" src="${script}"></script>
</body>
</html>`;
}
