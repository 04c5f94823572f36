// A warning-level scan for common secrets in text a responder is about to commit (notes, field
// values, command output). It never blocks: the responder decides, but is told before the commit.

export interface SecretFinding {
  /** What it looks like, e.g. `AWS access key id`. */
  readonly kind: string;
  /** 1-based line in the scanned text. */
  readonly line: number;
}

const PATTERNS: readonly { readonly kind: string; readonly pattern: RegExp }[] = [
  { kind: 'private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/ },
  { kind: 'AWS access key id', pattern: /\b(?:AKIA|ASIA|AIDA|AROA)[0-9A-Z]{16}\b/ },
  { kind: 'AWS secret access key', pattern: /aws_?secret_?access_?key["'\s]*[:=]\s*["']?[A-Za-z0-9/+=]{40}\b/i },
  { kind: 'GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/ },
  { kind: 'GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/ },
  { kind: 'Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/ },
  { kind: 'Slack webhook URL', pattern: /hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+/ },
  { kind: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { kind: 'Stripe secret key', pattern: /\b[sr]k_live_[0-9A-Za-z]{20,}\b/ },
  { kind: 'JSON web token', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/ },
  { kind: 'password in a URL', pattern: /\b[a-z][a-z0-9+.-]{0,15}:\/\/[^\s:/@]{1,64}:[^\s@/]{3,64}@/i },
];

/** Finds likely secrets; at most one finding per kind and line. Linear in the text size. */
export function findSecrets(text: string): SecretFinding[] {
  const findings: SecretFinding[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    for (const { kind, pattern } of PATTERNS) {
      if (pattern.test(line)) findings.push({ kind, line: index + 1 });
    }
  }
  return findings;
}

/** One warning sentence per finding, naming what and where, never the secret itself. */
export function secretWarnings(what: string, text: string): string[] {
  return findSecrets(text).map((f) => `${what} line ${f.line} may hold a secret (${f.kind}): it will be committed to Git; rotate it if it is real`);
}

/**
 * Scans output as it streams (command output can be far larger than memory should hold): whole
 * lines are scanned as they complete, a partial line is carried to the next chunk (at most
 * `MAX_LINE` characters of it), and at most `MAX_FINDINGS` findings are kept.
 */
export class StreamingSecretScanner {
  private static readonly MAX_LINE = 64 * 1024;
  private static readonly MAX_FINDINGS = 20;
  private readonly decoder = new TextDecoder('utf-8');
  private carry = '';
  private linesDone = 0;
  readonly findings: SecretFinding[] = [];

  write(chunk: Uint8Array): void {
    this.scan(this.decoder.decode(chunk, { stream: true }), false);
  }

  end(): SecretFinding[] {
    this.scan(this.decoder.decode(), true);
    return this.findings;
  }

  private scan(text: string, final: boolean): void {
    if (this.findings.length >= StreamingSecretScanner.MAX_FINDINGS) return;
    const joined = this.carry + text;
    const cut = final ? joined.length : joined.lastIndexOf('\n') + 1;
    const complete = joined.slice(0, cut);
    this.carry = joined.slice(cut).slice(-StreamingSecretScanner.MAX_LINE);
    if (complete === '') return;
    for (const finding of findSecrets(complete)) {
      if (this.findings.length >= StreamingSecretScanner.MAX_FINDINGS) break;
      this.findings.push({ kind: finding.kind, line: this.linesDone + finding.line });
    }
    this.linesDone += complete.split('\n').length - (complete.endsWith('\n') ? 1 : 0);
  }
}
