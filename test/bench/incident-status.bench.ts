// `status --json` over many incidents, model side: read each events.jsonl, parse, reduce from the
// opening snapshot (no runbook parsing), build the status view. Floor measured in the same run:
// reading the same files and JSON.parse of every line (the least any status must do).
// Growth: 1,000 incidents against 100 (linear is 10×).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { incidentStatus, parseEventLog, reduceIncident, serializeEvent } from '../../src/core/incident';
import { BOB, Scenario } from '../unit/incident/fixtures';
import { alternate, report, round } from './stats';
import { readAndParse } from './support/incidentLogs';

/** One incident's log: the opening snapshot and about 30 typical actions. */
function incidentLog(seed: number): string {
  const s = new Scenario(new Date(Date.UTC(2026, 10, 1) + seed * 3_600_000));
  s.open({ severity: seed % 3 === 0 ? 'SEV1' : 'SEV2' });
  let t = 1;
  for (const step of ['confirm-report', 'find-recipients', 'block-sender']) {
    s.act({ kind: 'claim', step }, t++, BOB);
    s.act({ kind: 'check', step, note: `done ${seed}` }, t++, BOB);
  }
  for (let i = 0; i < 10; i++) s.act({ kind: 'note', text: `observation ${i} for incident ${seed}: ${'x'.repeat(80)}` }, t++);
  for (let i = 0; i < 5; i++) s.act({ kind: 'indicator', type: 'ip', value: `198.51.100.${(seed + i) % 250}`, source: 'proxy' }, t++);
  s.act({ kind: 'set', field: 'summary', value: `Incident ${seed} summary` }, t++);
  s.act({ kind: 'severity', level: 'SEV1' === s.state.severity ? 'SEV2' : 'SEV1' }, t++);
  s.act({ kind: 'advance' }, t++);
  s.act({ kind: 'milestone', milestone: 'contained' }, t++);
  s.act({ kind: 'decision', what: 'Block the range', approvedBy: 'CISO' }, t++);
  s.act({ kind: 'advance' }, t++);
  if (seed % 2 === 0) s.act({ kind: 'close' }, t++);
  return s.events.map(serializeEvent).join('\n') + '\n';
}

function writeIncidents(root: string, count: number, templates: readonly string[]): string[] {
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const dir = path.join(root, `inc-${String(i).padStart(5, '0')}`);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'events.jsonl');
    fs.writeFileSync(file, templates[i % templates.length]!);
    files.push(file);
  }
  return files;
}

const now = new Date('2026-12-01T00:00:00.000Z');

function status(files: readonly string[]): number {
  let open = 0;
  for (const file of files) {
    const { events } = parseEventLog(fs.readFileSync(file, 'utf8'));
    if (incidentStatus(reduceIncident(events), now).status === 'open') open++;
  }
  return open;
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-status-bench-'));
  try {
    const templates = Array.from({ length: 50 }, (_, i) => incidentLog(i));
    const eventsPerIncident = templates[0]!.split('\n').length - 1;
    const small = writeIncidents(path.join(root, 'small'), 100, templates);
    const large = writeIncidents(path.join(root, 'large'), 1000, templates);
    // Warm up the JIT and the page cache.
    status(small);
    readAndParse(small);
    status(large);
    const s100 = await alternate(41, () => status(small), () => readAndParse(small));
    const s1000 = await alternate(11, () => status(large), () => readAndParse(large));
    const growth = round(s1000.subjectMs / s100.subjectMs, 2);
    console.log(`events per incident: ${eventsPerIncident}`);
    console.log(`100 incidents:   status ${s100.subjectMs} ms, floor (read + JSON.parse) ${s100.floorMs} ms, ratio ${s100.ratio}`);
    console.log(`1,000 incidents: status ${s1000.subjectMs} ms, floor ${s1000.floorMs} ms, ratio ${s1000.ratio}`);
    console.log(`growth 100 → 1,000: ${growth}× (linear = 10×); per incident ${round(s1000.subjectMs / 1000, 3)} ms`);
    report({ eventsPerIncident, status100Ms: s100.subjectMs, floor100Ms: s100.floorMs, ratio100: s100.ratio, status1000Ms: s1000.subjectMs, floor1000Ms: s1000.floorMs, ratio1000: s1000.ratio, growth });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

void main();
