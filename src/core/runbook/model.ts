// The runbook model: what the parser produces from one Markdown file (PRODUCT.md §2).
// Plain data only, so it serialises to JSON (`firebreak inspect`) and into the incident snapshot.

/** Canonical stage ids, in lifecycle order (PRODUCT.md §1). */
export const CANONICAL_STAGES = [
  'preparation',
  'detection',
  'analysis',
  'containment',
  'eradication',
  'recovery',
  'post-incident',
] as const;
export type CanonicalStage = (typeof CANONICAL_STAGES)[number];

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  readonly severity: Severity;
  /** Stable, kebab-case code, e.g. `yaml-invalid`, `step-duplicate-id`. */
  readonly code: string;
  readonly message: string;
  /** 1-based line in the file. */
  readonly line: number;
}

/** A fenced code block attached to a step (runnable when its info string has the word `run`). */
export interface StepCommand {
  /** The info string's first word, e.g. `sh`. */
  readonly language: string;
  readonly code: string;
  readonly line: number;
}

export interface Step {
  /** Stable id: explicit `id:` in the step's metadata comment, else a slug of the text, de-duplicated. */
  readonly id: string;
  /** The task text without its metadata comment (Markdown). */
  readonly text: string;
  /** Indented text under the step (Markdown), '' when none. */
  readonly detail: string;
  readonly line: number;
  readonly required: boolean;
  readonly role?: string;
  readonly evidenceRequired: boolean;
  /** NIST CSF 2.0 subcategory ids, e.g. `RS.AN-03`. */
  readonly csf: readonly string[];
  /** MITRE ATT&CK technique ids, e.g. `T1566.001`. */
  readonly attack: readonly string[];
  /** A deadline relative to detection, as a duration string (`72h`), e.g. a regulator's clock. */
  readonly deadline?: string;
  /** The runnable command block (info string containing `run`), for later automation. */
  readonly command?: StepCommand;
}

export interface Stage {
  /** Canonical id, or a custom id (kebab-case) declared in front-matter or derived from the heading. */
  readonly id: string;
  readonly title: string;
  readonly canonical: CanonicalStage | null;
  readonly line: number;
  readonly steps: readonly Step[];
  /** True for the implicit section that holds task items found outside any stage (titled by their heading). */
  readonly implicit?: boolean;
}

/** Per severity, per stage id: a duration string (`1h`, `1h30m`). */
export type SlaTable = Readonly<Record<string, Readonly<Record<string, string>>>>;

export interface RunbookMeta {
  readonly id: string;
  readonly title: string;
  readonly version: number | null;
  /** Default severity for new incidents, e.g. `SEV3`. */
  readonly severity?: string;
  readonly tags: readonly string[];
  readonly owners: readonly string[];
  readonly review?: { readonly last?: string; readonly every?: string };
  readonly roles: readonly string[];
  readonly sla: SlaTable;
  /** Per severity: contacts to escalate to. */
  readonly escalation: Readonly<Record<string, readonly string[]>>;
  /** Stage ids the front-matter `stages` list declares (custom ids allowed); undefined when absent. */
  readonly declaredStages?: readonly string[];
  /** Placeholder names a team must fill in (`{{name}}` in the body). */
  readonly customise: readonly string[];
}

export interface Runbook extends RunbookMeta {
  /** The path the runbook was read from, exactly as given. */
  readonly file: string;
  readonly format: 'native' | 'imported';
  readonly stages: readonly Stage[];
  /** Every `{{placeholder}}` found in the body, with its first line. */
  readonly placeholders: readonly { readonly name: string; readonly line: number }[];
  readonly diagnostics: readonly Diagnostic[];
}
