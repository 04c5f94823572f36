// `firebreak merge-driver %O %A %B %P`: the Git merge driver for events.jsonl (installed by sync).
// Git gives the ancestor, ours and theirs as temporary files; the merge goes to %A.
import path from 'node:path';
import { parseCommandArgs } from '../args';
import { ExitCode, type CliCommand } from '../context';
import { runMergeDriver } from '../../git';

export const mergeDriver: CliCommand = {
  name: 'merge-driver',
  summary: 'Git merge driver for incident events (installed by sync)',
  usage: 'firebreak merge-driver <ancestor> <ours> <theirs> <path>',
  async run(context) {
    const { positionals } = parseCommandArgs(context.args, { min: 4 });
    const [ancestor, ours, theirs] = positionals.slice(0, 3).map((file) => path.resolve(context.cwd, file)) as [string, string, string];
    const pathInRepo = positionals[3]!;
    if (pathInRepo.split('/').pop() !== 'events.jsonl') {
      context.stderr(`firebreak merge-driver: ${JSON.stringify(pathInRepo.slice(0, 200))} is not an incident events.jsonl\n`);
      return ExitCode.failed;
    }
    return runMergeDriver(ancestor, ours, theirs);
  },
};
