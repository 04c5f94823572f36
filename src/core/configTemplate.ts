// The `.firebreak.yml` VS Code writes on the first start: the chosen "where incidents live" as
// the team reads and edits it, every mode explained in comments. parseConfig reads it back to
// exactly the chosen BranchMode (the unit tests check the round trip).
import { CORE_SCHEMA, load } from 'js-yaml';
import { CONFIG_FILE, type BranchMode } from './config';

/** The text of a new `.firebreak.yml` holding `mode` and nothing else (the other settings keep their defaults). */
export function renderInitialConfig(mode: BranchMode): string {
  return [
    `# Firebreak team settings. Commit this file so everyone on the team records incidents the same way.`,
    `# Written by VS Code on the first start; edit it freely (README: "${CONFIG_FILE}").`,
    '#',
    '# branch: where incidents are recorded, every action one Git commit',
    '#   current                             on the branch you have checked out',
    '#   {mode: dedicated, name: incidents}  one branch in its own worktree; your checkout is never switched',
    '#   per-incident                        a branch incident/<id> per incident, each in its own worktree',
    '#   {mode: repository, path: ../ir}     another Git repository on disk (relative to this one, or absolute)',
    ...renderBranch(mode),
    '',
    '# Other settings (defaults shown): incidents: incidents, runbooks: [runbooks], severities: [SEV1, SEV2, SEV3, SEV4]',
    '',
  ].join('\n');
}

function renderBranch(mode: BranchMode): string[] {
  switch (mode.kind) {
    case 'current': return ['branch: current'];
    // Always the mapping: a branch called "current" or "per-incident" would read as a mode.
    case 'dedicated': return ['branch:', '  mode: dedicated', `  name: ${scalar(mode.branch)}`];
    case 'per-incident': return mode.prefix === 'incident' ? ['branch: per-incident'] : ['branch:', '  mode: per-incident', `  prefix: ${scalar(mode.prefix)}`];
    // A JSON string is a valid YAML double-quoted scalar: any path survives (spaces, '#', ':', quotes).
    case 'repository': return ['branch:', '  mode: repository', `  path: ${JSON.stringify(mode.path)}`];
  }
}

/** Plain when YAML reads it back as the same string, else quoted (`true`, `null`, `1.0` are valid branch names). */
function scalar(value: string): string {
  try {
    if (load(value, { schema: CORE_SCHEMA }) === value) return value;
  } catch {
    // not a plain scalar: quoted below
  }
  return JSON.stringify(value);
}
