// The dashboard's HTML shell: written once per panel; everything after that arrives by message.
import type * as vscode from 'vscode';
import { webviewHtml } from '../util/webviewHtml';

export function dashboardHtml(webview: vscode.Webview, mediaRoot: vscode.Uri, nonce: string, title: string): string {
  return webviewHtml(webview, mediaRoot, { title, styles: ['dashboard.css'], script: 'dashboard.js', loading: 'Loading incident…' }, nonce);
}
