// Lint rules for a step's run block (PRODUCT.md §7, README "Runnable steps"): only POSIX shell,
// not empty, no hidden characters, and incident values only through the FB_ variables Firebreak
// sets — never pasted into the command's text.
import { COMMAND_VARIABLES, variableForPlaceholder } from '../run/variables';
import { HIDDEN_CHARACTERS } from '../../shared/hiddenCharacters';
import { countHidden } from '../run/visible';
import type { DiagnosticList } from './diagnostics';
import type { Stage, StepCommand } from './model';

/** Info-string languages that run through `/bin/sh -c` ('' is a bare `run`). */
export const RUNNABLE_LANGUAGES: readonly string[] = ['', 'sh', 'bash', 'shell'];

const KNOWN = new Set(COMMAND_VARIABLES);
const FB_REFERENCE = /\$\{?(FB_[A-Za-z0-9_]*)/g;
const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;

export function checkStepCommands(stages: readonly Stage[], diagnostics: DiagnosticList): void {
  for (const step of stages.flatMap((s) => s.steps)) {
    if (step.command) checkCommand(step.command, diagnostics);
  }
}

function checkCommand(command: StepCommand, diagnostics: DiagnosticList): void {
  const { language, code, line } = command;
  if (!RUNNABLE_LANGUAGES.includes(language)) {
    diagnostics.add('step-command-language', `A run block in ${JSON.stringify(language.slice(0, 40))} cannot run: Firebreak runs commands with /bin/sh only (write \`\`\`sh run).`, line);
  }
  if (code.trim() === '') diagnostics.add('step-command-empty', 'This run block is empty: write the command, or remove the word "run" from the fence.', line);
  const hidden = countHidden(code);
  if (hidden > 0) {
    const first = lineOf(command, code.search(HIDDEN_CHARACTERS));
    diagnostics.add('step-command-hidden-characters', `This command holds ${hidden} control, escape or bidi character(s) that hide what it does: remove them.`, first);
  }
  const unknown = new Set<string>();
  for (const match of code.matchAll(FB_REFERENCE)) {
    const name = match[1]!;
    if (KNOWN.has(name) || unknown.has(name)) continue;
    unknown.add(name);
    diagnostics.add('step-command-variable-unknown', `Firebreak does not set $${name} (it would be empty): use one of ${COMMAND_VARIABLES.join(', ')}.`, lineOf(command, match.index));
  }
  for (const match of code.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    const variable = variableForPlaceholder(name);
    if (variable !== undefined) {
      diagnostics.add('step-command-substitution', `Incident values are never pasted into a command: write "$${variable}" (in double quotes) instead of {{${name.slice(0, 40)}}}.`, lineOf(command, match.index));
    } else {
      diagnostics.add('step-command-placeholder', `{{${name.slice(0, 40)}}} would run as written: put the value in the command, or use an FB_ variable (${COMMAND_VARIABLES.slice(0, 5).join(', ')}…).`, lineOf(command, match.index));
    }
  }
}

/** The file line of a position in the command (the code starts on the line after the fence). */
function lineOf(command: StepCommand, index: number): number {
  let line = command.line + 1;
  for (let i = command.code.indexOf('\n'); i !== -1 && i < index; i = command.code.indexOf('\n', i + 1)) line++;
  return line;
}
