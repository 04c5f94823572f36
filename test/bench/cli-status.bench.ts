// `firebreak status --json` end to end through the CLI (in-process: repository lookup, listing,
// reading and reducing every incident's events from the opening snapshot — no runbook parsing)
// over 100 and 1,000 incidents. Floor, same run: reading the same events files and JSON.parse of
// every line. Growth: 1,000 against 100 (linear is 10×).
import fs from 'node:fs';
import { main as cli } from '../../src/cli/main';
import { alternate, report, round } from './stats';
import { readAndParse, repositoryOfIncidents, workedIncidentLog } from './support/incidentLogs';

const quiet = { stdout: () => {}, stderr: () => {} };

/** Ten steps checked, ten notes, five indicators, one stage advanced. */
const incidentTemplate = () => workedIncidentLog(async (run, id, steps) => {
  for (const step of steps.slice(0, 10)) await run('check', id, step, '--note', `done: ${step}`);
  for (let i = 0; i < 10; i++) await run('note', id, `observation ${i}: ${'x'.repeat(80)}`);
  for (let i = 0; i < 5; i++) await run('indicator', id, 'ip', `198.51.100.${i}`, '--source', 'proxy');
  await run('advance', id);
});

async function main(): Promise<void> {
  const template = await incidentTemplate();
  const small = repositoryOfIncidents(100, () => template);
  const large = repositoryOfIncidents(1000, () => template);
  try {
    const status = (dir: string) => cli(['status', '--json'], { cwd: dir, ...quiet });
    await status(small.dir);
    await status(large.dir);
    readAndParse(large.files);
    const s100 = await alternate(11, () => status(small.dir), () => readAndParse(small.files));
    const s1000 = await alternate(5, () => status(large.dir), () => readAndParse(large.files));
    const growth = round(s1000.subjectMs / s100.subjectMs, 2);
    console.log(`events per incident: ${template.split('\n').length - 1}, ${Math.round(template.length / 1024)} KB`);
    console.log(`100 incidents:   status --json ${s100.subjectMs} ms, floor (read + JSON.parse) ${s100.floorMs} ms, ratio ${s100.ratio}`);
    console.log(`1,000 incidents: status --json ${s1000.subjectMs} ms, floor ${s1000.floorMs} ms, ratio ${s1000.ratio}`);
    console.log(`growth 100 → 1,000: ${growth}× (linear is 10×)`);
    report({ status100Ms: s100.subjectMs, floor100Ms: s100.floorMs, ratio100: s100.ratio, status1000Ms: s1000.subjectMs, floor1000Ms: s1000.floorMs, ratio1000: s1000.ratio, growth });
  } finally {
    fs.rmSync(small.dir, { recursive: true, force: true });
    fs.rmSync(large.dir, { recursive: true, force: true });
  }
}

void main();
