// Every diagnostic code the runbook parser and linter can report, with its usual severity and
// a one-line meaning. Codes are stable: tools and CI filter on them, so never rename one.
import type { Severity } from './model';

export interface DiagnosticCodeInfo {
  readonly severity: Severity;
  readonly meaning: string;
}

export const DIAGNOSTIC_CODES = {
  'file-unreadable': { severity: 'error', meaning: 'The file could not be read (missing, a folder, or no permission).' },
  'runbook-duplicate-id': { severity: 'error', meaning: 'Two runbooks in the library have the same id.' },
  'internal-error': { severity: 'error', meaning: 'The parser hit an unexpected failure; the runbook is only partly read.' },
  'text-invalid-utf8': { severity: 'error', meaning: 'The file is not valid UTF-8; invalid bytes are read as U+FFFD.' },
  'text-nul-byte': { severity: 'error', meaning: 'The file contains NUL bytes (binary data?); they are read as U+FFFD.' },
  'nesting-too-deep': { severity: 'warning', meaning: 'Lists or quotes are nested too deeply to read as written; the deep lines are read flattened.' },
  'runbook-empty': { severity: 'error', meaning: 'The runbook has no steps (a warning for imported playbooks).' },
  'front-matter-js': { severity: 'error', meaning: 'JavaScript front-matter (---js) is never run; only YAML is allowed.' },
  'front-matter-language': { severity: 'error', meaning: 'Front-matter in a language other than YAML is not read.' },
  'front-matter-unclosed': { severity: 'error', meaning: 'The front-matter block has no closing --- line.' },
  'yaml-invalid': { severity: 'error', meaning: 'The front-matter is not valid YAML.' },
  'front-matter-not-mapping': { severity: 'error', meaning: 'The front-matter must be a mapping of fields (key: value).' },
  'field-unknown': { severity: 'warning', meaning: 'A front-matter field Firebreak does not know (a typo?).' },
  'field-type': { severity: 'error', meaning: 'A front-matter field has the wrong type (e.g. a list where text is expected).' },
  'field-octal': { severity: 'warning', meaning: 'A number with a leading zero is read as octal by YAML 1.1 (010 is 8).' },
  'id-missing': { severity: 'warning', meaning: 'Front-matter without an id: the file is read as an imported playbook.' },
  'id-invalid': { severity: 'error', meaning: 'The runbook id must be kebab-case (a-z, 0-9, -).' },
  'title-missing': { severity: 'warning', meaning: 'No title in front-matter and no heading to take it from.' },
  'version-missing': { severity: 'warning', meaning: 'A native runbook has no version; lint --base cannot check bumps.' },
  'version-invalid': { severity: 'error', meaning: 'The version must be a positive integer.' },
  'version-not-bumped': { severity: 'error', meaning: 'The steps changed since the base revision but the version did not increase.' },
  'duration-invalid': { severity: 'error', meaning: 'A duration must be <number><unit> repeated, units m h d w (90m, 1h30m, 180d).' },
  'review-date-invalid': { severity: 'error', meaning: 'review.last must be a date (YYYY-MM-DD).' },
  'review-stale': { severity: 'warning', meaning: 'The last review is older than review.every allows.' },
  'sla-unknown-stage': { severity: 'warning', meaning: 'The SLA names a stage the runbook does not have.' },
  'role-unknown': { severity: 'warning', meaning: 'A step names a role that the front-matter roles list does not declare.' },
  'stage-unknown': { severity: 'error', meaning: 'A stage in the stages list is not canonical and has no heading in the body.' },
  'stage-duplicate': { severity: 'warning', meaning: 'A stage is declared twice, or its section appears twice.' },
  'stage-not-declared': { severity: 'warning', meaning: 'A stage heading is missing from the declared stages list.' },
  'stage-empty': { severity: 'warning', meaning: 'A stage has no steps (info for imported playbooks).' },
  'step-outside-stage': { severity: 'warning', meaning: 'A step is not under any stage heading; it goes into an implicit section.' },
  'step-duplicate-id': { severity: 'error', meaning: 'Two steps have the same explicit id.' },
  'step-id-invalid': { severity: 'error', meaning: 'An explicit step id must be kebab-case (a-z, 0-9, -).' },
  'step-text-empty': { severity: 'warning', meaning: 'A task item has no text.' },
  'step-meta-unknown-key': { severity: 'warning', meaning: 'The step metadata comment has a key Firebreak does not know.' },
  'step-meta-invalid': { severity: 'warning', meaning: 'A step metadata entry is malformed (e.g. a key without its value).' },
  'step-csf-invalid': { severity: 'warning', meaning: 'Not a NIST CSF 2.0 subcategory id (e.g. RS.AN-03).' },
  'step-attack-invalid': { severity: 'warning', meaning: 'Not a MITRE ATT&CK technique id (e.g. T1566 or T1566.001).' },
  'step-command-multiple': { severity: 'warning', meaning: 'A step has more than one run block; only the first one is its command.' },
  'step-command-language': { severity: 'error', meaning: 'A run block in a language other than sh (sh, bash, shell or bare run): Firebreak runs commands with /bin/sh only.' },
  'step-command-empty': { severity: 'error', meaning: 'A run block with no command in it.' },
  'step-command-hidden-characters': { severity: 'error', meaning: 'A run block holds control, ANSI escape or bidi characters that hide what the command does.' },
  'step-command-variable-unknown': { severity: 'error', meaning: 'A run block uses an $FB_ variable Firebreak does not set (it would be empty).' },
  'step-command-substitution': { severity: 'error', meaning: 'A run block pastes an incident value ({{host}}) into its text: use the FB_ variable ("$FB_HOST") instead.' },
  'step-command-placeholder': { severity: 'error', meaning: 'A run block holds a {{placeholder}} that would run as written.' },
  'placeholder-unfilled': { severity: 'warning', meaning: 'A {{placeholder}} is left in a team\'s copy of a runbook.' },
  'placeholder-undeclared': { severity: 'warning', meaning: 'A {{placeholder}} of a built-in runbook is not in its customise list.' },
  'customise-unused': { severity: 'warning', meaning: 'A customise entry of a built-in runbook names a placeholder the body never uses (in a team\'s copy a filled-in entry may stay).' },
} as const satisfies Record<string, DiagnosticCodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
