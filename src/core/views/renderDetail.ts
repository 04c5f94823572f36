// A step's detail (the runbook's Markdown under the step) as HTML safe to put in the dashboard:
// markdown-it with raw HTML off, links only to http, https and mailto (the webview's own rule),
// and no images (a webview must not fetch what a runbook names). Loaded on first use.
import type { default as MarkdownItCallable, MarkdownIt } from 'markdown-it';
import { isAllowedExternalLink } from '../../shared/links';

let renderer: MarkdownIt | undefined;

function detailRenderer(): MarkdownIt {
  if (!renderer) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const MarkdownItClass = require('markdown-it') as typeof MarkdownItCallable;
    const md = new MarkdownItClass({ html: false, linkify: false, typographer: false });
    md.disable('image');
    md.validateLink = (url) => isAllowedExternalLink(url);
    renderer = md;
  }
  return renderer;
}

export function renderStepDetail(markdown: string): string {
  return detailRenderer().render(markdown);
}
