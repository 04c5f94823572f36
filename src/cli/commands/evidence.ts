// `firebreak evidence`: attach a file (hashed while it is copied; kept out of Git by policy or on request).
import { parseCommandArgs } from '../args';
import { ExitCode, type CliCommand } from '../context';
import { openService } from '../openService';
import { incidentArg, optional, recordMissedDeadlines } from './incidentAction';

export const evidence: CliCommand = {
  name: 'evidence',
  summary: 'attach an evidence file (SHA-256, custody; large files stay out of Git)',
  usage: 'firebreak evidence <incident> <file> [--description D] [--out-of-git]',
  async run(context) {
    const { positionals, values } = parseCommandArgs(context.args, {
      options: { description: 'string', 'out-of-git': 'boolean', json: 'boolean' },
      min: 2,
    });
    const incidentId = incidentArg(positionals[0]!);
    const service = await openService(context);
    const result = await service.addEvidence(incidentId, {
      file: positionals[1]!,
      outOfGit: values['out-of-git'] === true,
      ...optional('description', values.description),
    });
    for (const warning of result.warnings) context.stderr(`warning: ${warning}\n`);
    if (values.json) {
      context.stdout(`${JSON.stringify(result)}\n`);
    } else if (result.duplicate) {
      context.stdout(`already attached as ${result.evidenceId} (sha256 ${result.sha256}); nothing recorded\n`);
    } else {
      const where = result.outOfGit ? 'kept out of Git' : 'stored';
      context.stdout(`${result.evidenceId}: ${where}, sha256 ${result.sha256} (${result.commit === null ? 'not committed yet' : result.commit.slice(0, 10)})\n`);
    }
    await recordMissedDeadlines(context, service, incidentId);
    return ExitCode.ok;
  },
};
