// The shape shared by every command that records one action on an incident: parse, validate
// the incident id, apply through the service, print warnings then one short line.
import { parseCommandArgs, quote, type OptionKinds, type OptionValues } from '../args';
import { ExitCode, UsageError, type CliCommand, type CliContext } from '../context';
import { openService } from '../openService';
import { isSafeName } from '../../git/names';
import type { ActionRequest, ActionResult, IncidentServiceApi } from '../../service/types';

export interface ActionCommandSpec<K extends OptionKinds> {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly options?: K;
  /** Positionals after the incident id. */
  readonly min: number;
  readonly max?: number;
  readonly toRequest: (positionals: readonly string[], values: OptionValues<K>) => ActionRequest;
}

export function actionCommand<K extends OptionKinds>(spec: ActionCommandSpec<K>): CliCommand {
  return {
    name: spec.name,
    summary: spec.summary,
    usage: spec.usage,
    async run(context) {
      const { positionals, values } = parseCommandArgs(context.args, {
        options: { ...spec.options, json: 'boolean' } as K & { json: 'boolean' },
        min: spec.min + 1,
        max: (spec.max ?? spec.min) + 1,
      });
      const incidentId = incidentArg(positionals[0]!);
      const request = spec.toRequest(positionals.slice(1), values);
      const service = await openService(context);
      const result = await service.apply(incidentId, request);
      printResult(context, result, (values as { json?: boolean }).json === true);
      await recordMissedDeadlines(context, service, incidentId);
      return ExitCode.ok;
    },
  };
}

/**
 * Records the deadlines missed by now (`sla.missed`, once each), saying so on stderr. Called after
 * every incident action and by `status`; a failure here is a warning, never the command's failure.
 */
export async function recordMissedDeadlines(context: CliContext, service: IncidentServiceApi, incidentId?: string): Promise<void> {
  try {
    for (const result of await service.recordMissedSlas(incidentId)) {
      context.stderr(`firebreak: recorded ${result.subject} (${result.commit === null ? 'not committed yet' : result.commit.slice(0, 10)})\n`);
    }
  } catch (error) {
    context.stderr(`warning: could not record missed deadlines: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}

/** Validates an incident id given on the command line (a usage error when unsafe). */
export function incidentArg(value: string): string {
  if (!isSafeName(value)) throw new UsageError(`invalid incident id ${quote(value)}: expected lowercase letters, digits, '.', '_' or '-'`);
  return value;
}

/** Warnings first (stderr), then one short line: the commit subject and its short hash. */
export function printResult(context: CliContext, result: ActionResult, json: boolean): void {
  for (const warning of result.warnings) context.stderr(`warning: ${warning}\n`);
  if (json) context.stdout(`${JSON.stringify(result)}\n`);
  else context.stdout(`${result.subject} (${result.commit !== null ? result.commit.slice(0, 10) : result.batched ? 'batched' : 'not committed yet'})\n`);
}

/** The value of an option the command cannot do without. */
export function requiredOption(value: string | undefined, name: string): string {
  if (value === undefined) throw new UsageError(`--${name} is required`);
  return value;
}

/** `{ key: value }` when the option was given, `{}` otherwise (keeps requests free of undefined). */
export function optional<Key extends string>(key: Key, value: string | undefined): { [P in Key]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in Key]?: string };
}
