// `firebreak merge-driver %O %A %B %P`: the Git merge driver for incident files (installed by sync).
// Git gives the ancestor, ours and theirs as temporary files; the merge goes to %A. events.jsonl
// gets the union of events; incident.md is rendered again from that union.
import path from 'node:path';
import { parseCommandArgs } from '../args';
import { ExitCode, type CliCommand } from '../context';
import { runMergeDriver, runRenderedMergeDriver } from '../../git';
import { EVENTS_FILE, RECORD_FILE, renderIncidentFiles } from '../../service/incidentFolder';

export const mergeDriver: CliCommand = {
  name: 'merge-driver',
  summary: 'Git merge driver for incident records (installed by sync)',
  usage: 'firebreak merge-driver <ancestor> <ours> <theirs> <path>',
  async run(context) {
    const { positionals } = parseCommandArgs(context.args, { min: 4 });
    const [ancestor, ours, theirs] = positionals.slice(0, 3).map((file) => path.resolve(context.cwd, file)) as [string, string, string];
    const pathInRepo = positionals[3]!;
    const name = pathInRepo.split('/').pop();
    if (name === EVENTS_FILE) return runMergeDriver(ancestor, ours, theirs);
    if (name === RECORD_FILE) {
      const outcome = await runRenderedMergeDriver(ours, theirs, pathInRepo, { cwd: context.cwd, env: context.env, render: renderIncidentFiles });
      if (outcome !== 'hand-edited') return ExitCode.ok;
      context.stderr(`firebreak merge-driver: ${JSON.stringify(pathInRepo.slice(0, 200))} has unreconciled hand edits: run \`firebreak reconcile\` on each side, then merge again\n`);
      return ExitCode.failed;
    }
    context.stderr(`firebreak merge-driver: ${JSON.stringify(pathInRepo.slice(0, 200))} is not an incident events.jsonl or incident.md\n`);
    return ExitCode.failed;
  },
};
