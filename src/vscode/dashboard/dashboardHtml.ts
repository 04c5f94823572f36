// The dashboard's HTML shell: written once per panel; everything after that arrives by message.
import type * as vscode from 'vscode';

export function dashboardHtml(webview: vscode.Webview, mediaRoot: vscode.Uri, nonce: string, title: string): string {
  const asset = (...segments: string[]) => webview.asWebviewUri(joinUri(mediaRoot, ...segments)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${asset('codicons', 'codicon.css')}" rel="stylesheet">
<link href="${asset('dashboard.css')}" rel="stylesheet">
<title>${escapeHtml(title)}</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="loading">Loading incident…</p></main>
<script nonce="${nonce}" src="${asset('dist', 'dashboard.js')}"></script>
</body>
</html>`;
}

function joinUri(base: vscode.Uri, ...segments: string[]): vscode.Uri {
  return base.with({ path: [base.path.replace(/\/$/, ''), ...segments].join('/') });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
