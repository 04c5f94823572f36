// Recognising lifecycle stages in heading text (PRODUCT.md §1 table, §2 rules): numbering and
// labels are stripped (`Part 3 —`, `3.2`, `(C)`, `Phase two:`), then the text must START with a
// stage name or synonym as whole words. "Eradicate & Recover" maps to its first name.
import type { CanonicalStage } from './model';

/** Phrases per stage, lowercase; compared on word boundaries, the longest phrase first. */
const SYNONYMS: Readonly<Record<CanonicalStage, readonly string[]>> = {
  preparation: ['preparation', 'prepare', 'pre-incident', 'pre incident', 'readiness'],
  detection: ['detection', 'identification', 'identify', 'detect', 'triage', 'initiate', 'declare'],
  analysis: [
    'analysis', 'analyze', 'analyse', 'investigate', 'investigation', 'assess', 'assessment', 'diagnosis', 'scoping',
    // NIST's combined phase is named for its analysis half (PRODUCT.md §1).
    'detect & analyze', 'detect & analyse', 'detect and analyze', 'detect and analyse', 'detect/analyze', 'detect/analyse',
    'detection & analysis', 'detection and analysis', 'detection/analysis',
    // Evidence acquisition opens the analysis phase in AWS's and others' templates ("Acquire, Preserve, Document Evidence").
    'acquire', 'evidence acquisition', 'evidence collection', 'evidence gathering', 'collect evidence',
    'root cause analysis',
  ],
  containment: ['containment', 'contain', 'mitigation', 'mitigate', 'isolation'],
  eradication: ['eradication', 'eradicate', 'remediate', 'remediation', 'clean-up', 'clean up', 'cleanup'],
  recovery: ['recovery', 'recover', 'restore', 'restoration', 'return to operations'],
  'post-incident': [
    'post-incident review', 'post-incident activity', 'post-incident', 'post incident', 'postincident',
    'lessons learned', 'lessons learnt', 'lessons/opportunities', 'lessons', 'retrospective', 'postmortem', 'post-mortem',
    'post mortem', 'follow-up', 'follow up', 'followup',
    // CERT Société Générale's IRM sheets end with "Aftermath"; US government ones with an after-action review.
    'aftermath', 'after action', 'after-action', 'closure',
  ],
};

interface Phrase {
  readonly words: readonly string[];
  readonly stage: CanonicalStage;
}

/** Every phrase as a word list, longest first so "detect & analyze" wins over "detect". */
const PHRASES: readonly Phrase[] = Object.entries(SYNONYMS)
  .flatMap(([stage, list]) => list.map((p) => ({ words: words(p), stage: stage as CanonicalStage })))
  .sort((a, b) => b.words.length - a.words.length);

/** Words that may follow a stage name without making the heading about something else. */
const FILLER = new Set([
  'phase', 'stage', 'step', 'steps', 'action', 'actions', 'task', 'tasks', 'checklist', 'activity', 'activities',
  'procedure', 'procedures', 'process', 'plan', 'the', 'incident', 'of', 'and', '&', '/', 'from', 'for', 'this', 'a', 'an', 'to',
]);

/** Words that may come before a stage name: "Incident Triage", "The Containment Phase", "Short-term Containment". */
const LEAD_IN = new Set(['incident', 'security', 'the', 'initial', 'short-term', 'long-term', 'system', 'systems', 'service']);

export interface StageMatch {
  readonly canonical: CanonicalStage;
  /** True when nothing but filler and other stage names follows the stage name ("Contain the Incident"). */
  readonly bare: boolean;
}

/** The canonical stage a heading (or bold label) names, if any. */
export function recogniseStage(headingText: string): StageMatch | undefined {
  const tokens = words(stripLabels(headingText));
  let start = 0;
  while (start < tokens.length - 1 && start < 2 && LEAD_IN.has(tokens[start]!)) start++;
  // Lead-in words only count when a stage name follows them directly.
  for (const offset of start === 0 ? [0] : [start, 0]) {
    const match = matchAt(tokens, offset);
    if (match) {
      const rest = tokens.slice(offset + match.words.length);
      const bare = rest.every((w) => FILLER.has(w) || PHRASES.some((p) => p.words.length === 1 && p.words[0] === w) || /^\d+$/.test(w));
      return { canonical: match.stage, bare };
    }
  }
  return undefined;
}

function matchAt(tokens: readonly string[], offset: number): Phrase | undefined {
  return PHRASES.find((p) => p.words.every((w, i) => tokens[offset + i] === w || tokens[offset + i] === `${w}s`));
}

const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|[0-9]+[a-z]?|[ivx]+';
const LABEL_PATTERNS: readonly RegExp[] = [
  // "Part 3 —", "Phase two:", "Step 2.", "Stage IV -"
  new RegExp(`^(?:part|phase|stage|step|section|chapter)\\s+(?:${NUMBER_WORDS})(?:\\.[0-9]+)*\\b\\s*[-—–:.)]*\\s*`, 'i'),
  // "3.2", "3.", "3)", "4.x", "(3)"
  /^\(?[0-9]+(?:\.(?:[0-9]+|x))*\)?[.):]?\s+/i,
  // "(C)", "[I]"
  /^[([][a-z0-9]{1,3}[)\]]\s*[-—–:.]*\s*/i,
  // "C.", "C)", "IV." single letters or roman numerals followed by a separator
  /^(?:[a-z]|[ivx]{1,4})[.)]\s+/i,
  // separators, emphasis and emoji-like symbols left at the start
  /^[\s\-—–:.*_#>|~•·]+/,
];

/** Removes leading numbering and labels, repeatedly, and inline markup. */
export function stripLabels(text: string): string {
  let rest = text.replace(/(\*\*|__|`)/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').trim();
  for (let changed = true; changed && rest !== '';) {
    changed = false;
    for (const pattern of LABEL_PATTERNS) {
      const next = rest.replace(pattern, '');
      if (next !== rest) {
        rest = next;
        changed = true;
      }
    }
    // Non-letter symbols (emoji, arrows) before the first word.
    const next = rest.replace(/^[^\p{L}\p{N}(]+/u, '');
    if (next !== rest) {
      rest = next;
      changed = true;
    }
  }
  return rest;
}

/** Lowercase words; `&` and `/` are kept as words of their own, hyphenated words stay whole. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/(&|\/)|[^\p{L}\p{N}&/-]+/u)
    .filter((w): w is string => w !== undefined && w !== '' && w !== '-');
}
