// Collects diagnostics during a parse; the severity defaults to the code's own (diagnosticCodes.ts).
import { DIAGNOSTIC_CODES, type DiagnosticCode } from './diagnosticCodes';
import type { Diagnostic, Severity } from './model';

export class DiagnosticList {
  readonly items: Diagnostic[] = [];

  add(code: DiagnosticCode, message: string, line: number, severity?: Severity): void {
    this.items.push({ severity: severity ?? DIAGNOSTIC_CODES[code].severity, code, message, line: Math.max(1, line) });
  }

  /** Diagnostics in line order (stable for equal lines). */
  sorted(): Diagnostic[] {
    if (this.items.length < 2) return [...this.items];
    return this.items.map((d, i) => ({ d, i })).sort((a, b) => a.d.line - b.d.line || a.i - b.i).map((x) => x.d);
  }
}
