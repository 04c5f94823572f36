// The demo workspace `npm start` opens: a fresh Git repository with a team configuration, one
// team runbook next to the built-in library, and (once the CLI can record) an incident in progress.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from './paths.mjs';

const TEAM_CONFIG = `# Firebreak team settings (see README: ".firebreak.yml")
incidents: incidents
runbooks: [runbooks]
`;

export function createDemoWorkspace(dir) {
  fs.mkdirSync(path.join(dir, 'runbooks'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.firebreak.yml'), TEAM_CONFIG);
  fs.writeFileSync(path.join(dir, 'README.md'), '# Demo security team repository\n\nRunbooks live in `runbooks/`, incident records in `incidents/`.\n');
  const git = (...args) => execFileSync('git', args, { cwd: dir, stdio: 'pipe', encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  if (!hasIdentity(dir)) {
    git('config', 'user.name', 'Demo Responder');
    git('config', 'user.email', 'responder@example.com');
  }
  git('add', '-A');
  git('commit', '-q', '-m', 'Demo workspace');
  seedIncident(dir);
}

function hasIdentity(dir) {
  try {
    execFileSync('git', ['config', 'user.email'], { cwd: dir, stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/** Starts an example incident through the CLI, when it can record incidents. */
function seedIncident(dir) {
  const cli = path.join(projectRoot, 'dist', 'cli.js');
  const help = execFileSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
  if (!/\bstart\b/.test(help)) return;
  const firebreak = (...args) => execFileSync(process.execPath, [cli, '--repo', dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const id = firebreak('start', 'phishing', '--title', 'Credential phishing wave targeting finance', '--severity', 'SEV2');
  firebreak('note', id, 'Three reports from finance within ten minutes; same sender domain.');
  // In progress, as a responder would find it: roles taken, the first steps done, an indicator.
  firebreak('assign', id, 'commander', 'Dana Okafor');
  firebreak('assign', id, 'analyst', 'Sam Reyes');
  firebreak('check', id, 'acknowledge-report', '--note', 'Reporters told not to forward; report ids noted.');
  firebreak('check', id, 'pull-headers', '--note', 'Return-Path on a lookalike domain; SPF fail, DMARC fail.');
  firebreak('indicator', id, 'domain', 'examp1e-payments.com', '--source', 'message headers');
  firebreak('set', id, 'summary', 'Credential phishing sent to finance from a lookalike payments domain.');
}
