// The parser over the real public playbooks and runbooks in ../shared/corpora (read-only).
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Runbook } from '../../../src/core/runbook/model';
import { parseRunbook } from '../../../src/core/runbook/parse';
import { projectRoot } from './helpers';

const corpora = path.resolve(projectRoot, '..', 'shared', 'corpora');

/** Task items outside fenced code and front-matter, counted line by line (independently of the parser). */
function countTaskItems(text: string): number {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  let start = 0;
  if (lines[0] === '---') start = lines.indexOf('---', 1) + 1;
  let fence: string | undefined;
  let count = 0;
  for (const line of lines.slice(start)) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker) {
      if (!fence) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length && /^\s*[`~]+\s*$/.test(line)) fence = undefined;
      continue;
    }
    if (!fence && /^\s*(?:[-*+]|\d{1,9}[.)])\s+\[[ xX]\](?:\s|$)/.test(line)) count++;
  }
  return count;
}

/**
 * Stage labels the playbooks give themselves, labelled by hand with the stage they name
 * (text after "Part N —" or the whole heading). Headings with these texts are the measure.
 */
const SELF_LABELLED: Record<string, string> = {
  'prepare': 'preparation',
  'acquire, preserve, document evidence': 'analysis',
  'detect & analyze': 'analysis',
  'detect & analyse': 'analysis',
  'contain': 'containment',
  'contain the incident': 'containment',
  'eradicate & recover': 'eradication',
  'eradicate': 'eradication',
  'eradicate the incident': 'eradication',
  'recover': 'recovery',
  'recover from the incident': 'recovery',
  'post-incident activity': 'post-incident',
  'diagnosis': 'analysis',
  'mitigation': 'containment',
};
const PART_HEADING = /^#{1,6}\s+(?:\*\*)?Part\s+\d+[a-z]?(?:\*\*)?\s*[—:-]\s*(.+?)\s*$/;

/** The stage a heading falls in: the last one starting at or before it (a repeated label merges into it). */
function stageAt(runbook: Runbook, line: number) {
  return runbook.stages.filter((s) => s.line <= line).pop();
}

function headingsOutsideCode(text: string): { line: number; text: string }[] {
  const found: { line: number; text: string }[] = [];
  let fence = false;
  text.replace(/\r\n?/g, '\n').split('\n').forEach((line, index) => {
    if (/^\s*(`{3,}|~{3,})/.test(line)) fence = !fence;
    else if (!fence && /^#{1,6}\s/.test(line)) found.push({ line: index + 1, text: line });
  });
  return found;
}

describe('runbook: the shared corpora', function () {
  this.timeout(120_000);
  const files: string[] = [];
  const parsed = new Map<string, { text: string; runbook: Runbook }>();

  before(function () {
    if (!fs.existsSync(corpora)) {
      console.log(`    (skipped: ${corpora} is absent; the corpora live in ../shared next to the project)`);
      this.skip();
    }
    for (const entry of fs.readdirSync(corpora, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.md')) files.push(path.join(entry.parentPath, entry.name));
    }
    files.sort();
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      parsed.set(file, { text: bytes.toString('utf8'), runbook: parseRunbook(bytes, { file: path.relative(corpora, file), now: new Date('2026-11-28T00:00:00Z') }) });
    }
  });

  it('every file gives a result without an internal error', () => {
    assert.ok(files.length > 100, `only ${files.length} files`);
    for (const [file, { runbook }] of parsed) {
      assert.ok(!runbook.diagnostics.some((d) => d.code === 'internal-error'), file);
      assert.ok(runbook.title.length > 0, file);
    }
  });

  it('every task item outside code blocks is a step, in every file', () => {
    let withTasks = 0;
    for (const [file, { text, runbook }] of parsed) {
      const tasks = countTaskItems(text);
      const steps = runbook.stages.reduce((n, s) => n + s.steps.length, 0);
      if (tasks > 0) {
        withTasks++;
        assert.equal(steps, tasks, file);
      } else {
        // No task items: steps can only be list items directly under recognised stages.
        assert.ok(runbook.stages.every((s) => s.steps.length === 0 || s.canonical !== null), file);
      }
    }
    console.log(`    ${withTasks} of ${files.length} files have task items; all of them became steps`);
  });

  it('maps each AWS playbook\'s "Part N — <stage>" sections to the right canonical stages', () => {
    let checked = 0;
    for (const [file, { text, runbook }] of parsed) {
      if (!file.includes('aws-incident-response-playbooks')) continue;
      for (const heading of headingsOutsideCode(text)) {
        const label = PART_HEADING.exec(heading.text)?.[1]?.replace(/\*\*/g, '').toLowerCase();
        if (!label || !(label in SELF_LABELLED)) continue;
        assert.equal(stageAt(runbook, heading.line)?.canonical, SELF_LABELLED[label], `${file}:${heading.line} ${heading.text}`);
        checked++;
      }
    }
    assert.ok(checked >= 100, `only ${checked} Part headings`);
  });

  it('recognises at least 95% of the stage labels the playbooks give themselves', () => {
    let total = 0;
    let right = 0;
    const misses: string[] = [];
    for (const [file, { text, runbook }] of parsed) {
      for (const heading of headingsOutsideCode(text)) {
        const partLabel = PART_HEADING.exec(heading.text)?.[1];
        const label = (partLabel ?? heading.text.replace(/^#+\s*/, '')).replace(/\*\*/g, '').trim().toLowerCase();
        if (!(label in SELF_LABELLED)) continue;
        total++;
        if (stageAt(runbook, heading.line)?.canonical === SELF_LABELLED[label]) right++;
        else misses.push(`${path.relative(corpora, file)}:${heading.line} ${heading.text}`);
      }
    }
    const share = right / total;
    console.log(`    self-labelled stages recognised: ${right}/${total} = ${(share * 100).toFixed(1)}%${misses.length ? `; missed: ${misses.slice(0, 5).join(' | ')}` : ''}`);
    assert.ok(share >= 0.95, `${(share * 100).toFixed(1)}%`);
  });
});
