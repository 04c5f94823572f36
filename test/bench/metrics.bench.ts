// `firebreak report --all --json` end to end through the CLI (in-process): list the incidents,
// read and reduce every event log from its opening snapshot, and compute the metrics across
// them, over 100 and 1,000 incidents. Floor, same run: reading the same events files and
// JSON.parse of every line. Growth: 1,000 against 100 (linear is 10×).
import fs from 'node:fs';
import { alternate, report, round } from './stats';
import { firebreakIn, readAndParse, repositoryOfIncidents, workedIncidentLog } from './support/incidentLogs';

/** One incident worked from opening to closing through the CLI. */
const workedIncident = () => workedIncidentLog(async (run, id, steps) => {
  for (const step of steps.slice(0, 8)) await run('check', id, step);
  await run('na', id, steps[8]!, '--reason', 'not relevant here');
  await run('add-step', id, 'containment', 'Call the bank');
  for (let i = 0; i < 5; i++) await run('note', id, `observation ${i}: ${'x'.repeat(80)}`);
  await run('advance', id);
  await run('milestone', id, 'contained');
  await run('advance', id);
  await run('close', id);
});

/** `count` copies of the incident, a tenth of them exercises. */
function repositoryWith(count: number, events: string): { dir: string; files: string[] } {
  const exercise = events.replace('"exercise":false', '"exercise":true');
  return repositoryOfIncidents(count, (i) => (i % 10 === 0 ? exercise : events));
}

async function main(): Promise<void> {
  const events = await workedIncident();
  const small = repositoryWith(100, events);
  const large = repositoryWith(1000, events);
  try {
    const metrics = (dir: string) => firebreakIn(dir, 'report', '--all', '--json');
    const check = JSON.parse(await metrics(large.dir)) as { real: { overall: { incidents: number } }; exercises: { overall: { incidents: number } } };
    if (check.real.overall.incidents !== 900 || check.exercises.overall.incidents !== 100) throw new Error(`unexpected counts ${JSON.stringify(check.real.overall.incidents)}`);
    await metrics(small.dir);
    const m100 = await alternate(11, () => metrics(small.dir), () => readAndParse(small.files));
    const m1000 = await alternate(5, () => metrics(large.dir), () => readAndParse(large.files));
    const growth = round(m1000.subjectMs / m100.subjectMs, 2);
    console.log(`events per incident: ${events.split('\n').length - 1}, ${Math.round(events.length / 1024)} KB`);
    console.log(`100 incidents:   report --all --json ${m100.subjectMs} ms, floor (read + JSON.parse) ${m100.floorMs} ms, ratio ${m100.ratio}`);
    console.log(`1,000 incidents: report --all --json ${m1000.subjectMs} ms, floor ${m1000.floorMs} ms, ratio ${m1000.ratio}`);
    console.log(`growth 100 → 1,000: ${growth}× (linear is 10×)`);
    report({ report100Ms: m100.subjectMs, floor100Ms: m100.floorMs, ratio100: m100.ratio, report1000Ms: m1000.subjectMs, floor1000Ms: m1000.floorMs, ratio1000: m1000.ratio, growth });
  } finally {
    fs.rmSync(small.dir, { recursive: true, force: true });
    fs.rmSync(large.dir, { recursive: true, force: true });
  }
}

void main();
