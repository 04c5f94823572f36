// The HTML shell of every Firebreak webview: a CSP of `default-src 'none'` with a crypto nonce for
// the one bundled script, styles, fonts and images from media/ only. Content arrives by message.
import type * as vscode from 'vscode';
import { newNonce } from '../dashboard/nonce';

export interface WebviewPage {
  readonly title: string;
  /** Stylesheets under media/ (codicons always come first). */
  readonly styles: readonly string[];
  /** The bundle under media/dist/, e.g. `dashboard.js`. */
  readonly script: string;
  /** Shown until the first message arrives. */
  readonly loading: string;
}

export function webviewHtml(webview: vscode.Webview, mediaRoot: vscode.Uri, page: WebviewPage, nonce = newNonce()): string {
  const asset = (...segments: string[]) => webview.asWebviewUri(joinUri(mediaRoot, ...segments)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const styles = [['codicons', 'codicon.css'], ...page.styles.map((file) => [file])]
    .map((segments) => `<link href="${asset(...segments)}" rel="stylesheet">`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
<title>${escapeHtml(page.title)}</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="loading">${escapeHtml(page.loading)}</p></main>
<script nonce="${nonce}" src="${asset('dist', page.script)}"></script>
</body>
</html>`;
}

function joinUri(base: vscode.Uri, ...segments: string[]): vscode.Uri {
  return base.with({ path: [base.path.replace(/\/$/, ''), ...segments].join('/') });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
