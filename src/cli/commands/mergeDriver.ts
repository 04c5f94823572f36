// `firebreak merge-driver %O %A %B %P`: the Git merge driver for incident files. Git gives the
// ancestor, ours and theirs as temporary files; the merged result is written to %A.
import fs from 'node:fs';
import path from 'node:path';
import { parseCommandArgs } from '../args';
import { ExitCode, type CliCommand } from '../context';
import { mergeIncidentFile } from '../../service/merge';

export const mergeDriver: CliCommand = {
  name: 'merge-driver',
  summary: 'Git merge driver for incident files (installed by sync)',
  usage: 'firebreak merge-driver <ancestor> <ours> <theirs> <path>',
  async run(context) {
    const { positionals } = parseCommandArgs(context.args, { min: 4 });
    const [ancestor, ours, theirs] = positionals.slice(0, 3).map((file) => path.resolve(context.cwd, file)) as [string, string, string];
    const pathInRepo = positionals[3]!;
    const merged = mergeIncidentFile({
      path: pathInRepo,
      ancestor: fs.readFileSync(ancestor, 'utf8'),
      ours: fs.readFileSync(ours, 'utf8'),
      theirs: fs.readFileSync(theirs, 'utf8'),
    });
    if (merged === null) {
      context.stderr(`firebreak merge-driver: ${pathInRepo} is not an incident file Firebreak can merge\n`);
      return ExitCode.failed;
    }
    fs.writeFileSync(ours, merged);
    return ExitCode.ok;
  },
};
