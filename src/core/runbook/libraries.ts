// markdown-it and gray-matter's YAML parser, loaded on first use only: the VS Code extension must
// not pay for them at activation (FINDINGS.md: ~27 ms and ~46 ms cold). A plain `require` keeps
// them in the esbuild bundle while deferring their evaluation.
import type { default as MarkdownItCallable, MarkdownIt } from 'markdown-it';

/** Block nesting markdown-it allows before it stops descending (lists in lists, quotes). */
export const MAX_NESTING = 100;

let markdownIt: MarkdownIt | undefined;
let yamlParser: ((text: string) => unknown) | undefined;
let nestingLimitHit = false;

/**
 * One shared markdown-it instance for block structure only: html and linkify off, and no inline
 * parse (the runbook parser reads inline tokens' source text, never their children).
 */
export function getMarkdownIt(): MarkdownIt {
  if (!markdownIt) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const MarkdownItClass = require('markdown-it') as typeof MarkdownItCallable;
    const md = new MarkdownItClass('commonmark', { html: false, linkify: false, maxNesting: MAX_NESTING });
    md.enable('table');
    md.core.ruler.disable(['inline', 'text_join'], true);
    // markdown-it silently skips the rest of a block once nesting passes its limit; note when it does.
    const tokenize = md.block.tokenize.bind(md.block);
    md.block.tokenize = (state, startLine, endLine) => {
      if (state.level >= MAX_NESTING) nestingLimitHit = true;
      tokenize(state, startLine, endLine);
    };
    markdownIt = md;
  }
  return markdownIt;
}

/** Parses block structure; `limitHit` tells whether some content was too deeply nested to read. */
export function parseBlocks(text: string): { tokens: ReturnType<MarkdownIt['parse']>; limitHit: boolean } {
  const md = getMarkdownIt();
  nestingLimitHit = false;
  const tokens = md.parse(text, {});
  return { tokens, limitHit: nestingLimitHit };
}

/**
 * gray-matter's YAML parser (its own js-yaml 3, `safeLoad`: YAML 1.1, no custom types), called
 * directly: gray-matter's wrapper would only cut the block out again, and its JavaScript engine
 * must never be reachable (FINDINGS.md).
 */
export function getYamlParser(): (text: string) => unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  yamlParser ??= (require('gray-matter/lib/engines') as { yaml: { parse: (text: string) => unknown } }).yaml.parse;
  return yamlParser;
}
