// The step metadata comment at the end of a task line (so Git hosts render the runbook cleanly):
//   - [ ] Confirm the report <!-- id: confirm-report; role: analyst; required; evidence; csf: DE.AE-02; attack: T1566.001; deadline: 72h -->
import { DiagnosticList } from './diagnostics';
import { parseDurationMinutes } from './duration';
import { KEBAB_ID } from './slug';

export interface StepMeta {
  id?: string;
  role?: string;
  required: boolean;
  evidenceRequired: boolean;
  csf: string[];
  attack: string[];
  deadline?: string;
}

const TRAILING_COMMENT = /\s*<!--([\s\S]*?)-->\s*$/;
const CSF_ID = /^[A-Z]{2}\.[A-Z]{2}-\d{2}$/;
const ATTACK_ID = /^T\d{4}(?:\.\d{3})?$/;
const KNOWN_KEYS = ['id', 'role', 'required', 'evidence', 'csf', 'attack', 'deadline'];
/** Other spellings read as a known key (the runbook issue and other tools say `evidence-required`). */
const KEY_ALIASES: Readonly<Record<string, string>> = { 'evidence-required': 'evidence' };

/** Splits a task line into its text and its metadata comment (undefined when none). */
export function splitMetaComment(line: string): { text: string; comment?: string } {
  const match = TRAILING_COMMENT.exec(line);
  if (!match) return { text: line.trim() };
  return { text: line.slice(0, match.index).trim(), comment: match[1]! };
}

export function parseStepMeta(comment: string | undefined, line: number, diagnostics: DiagnosticList): StepMeta {
  const meta: StepMeta = { required: false, evidenceRequired: false, csf: [], attack: [] };
  if (comment === undefined) return meta;
  for (const entry of comment.split(';')) {
    const trimmed = entry.trim();
    if (trimmed === '') continue;
    const colon = trimmed.indexOf(':');
    const written = (colon < 0 ? trimmed : trimmed.slice(0, colon)).trim().toLowerCase();
    const key = KEY_ALIASES[written] ?? written;
    const value = colon < 0 ? undefined : trimmed.slice(colon + 1).trim();
    if (!KNOWN_KEYS.includes(key)) {
      diagnostics.add('step-meta-unknown-key', `Unknown step metadata key ${JSON.stringify(key.slice(0, 30))}; known keys: ${KNOWN_KEYS.join(', ')}.`, line);
      continue;
    }
    if (key === 'required' || key === 'evidence') {
      const flag = value === undefined || /^(?:true|yes)$/i.test(value) ? true : /^(?:false|no)$/i.test(value) ? false : undefined;
      if (flag === undefined) diagnostics.add('step-meta-invalid', `${written} is a flag: write just "${written}".`, line);
      else if (key === 'required') meta.required = flag;
      else meta.evidenceRequired = flag;
      continue;
    }
    if (value === undefined || value === '') {
      diagnostics.add('step-meta-invalid', `${JSON.stringify(key)} needs a value ("${key}: …").`, line);
      continue;
    }
    if (key === 'id') {
      if (KEBAB_ID.test(value)) meta.id = value;
      else diagnostics.add('step-id-invalid', `The step id ${JSON.stringify(value.slice(0, 60))} must be kebab-case (lowercase letters, digits and -).`, line);
    } else if (key === 'role') {
      meta.role = value;
    } else if (key === 'deadline') {
      if (parseDurationMinutes(value) !== undefined) meta.deadline = value;
      else diagnostics.add('duration-invalid', `The deadline ${JSON.stringify(value.slice(0, 30))} must be a duration such as 72h or 1h30m.`, line);
    } else {
      const ids = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
      const valid = key === 'csf' ? CSF_ID : ATTACK_ID;
      for (const id of ids) {
        if (valid.test(id)) (key === 'csf' ? meta.csf : meta.attack).push(id);
        else if (key === 'csf') diagnostics.add('step-csf-invalid', `${JSON.stringify(id.slice(0, 30))} is not a NIST CSF 2.0 subcategory id (e.g. RS.AN-03).`, line);
        else diagnostics.add('step-attack-invalid', `${JSON.stringify(id.slice(0, 30))} is not a MITRE ATT&CK technique id (e.g. T1566 or T1566.001).`, line);
      }
    }
  }
  return meta;
}
