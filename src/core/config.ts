// `.firebreak.yml`: the team's shared settings (PRODUCT.md §3 "Configuration"). Parsed with
// js-yaml's core schema (no dates, no custom tags, no code), every value type-checked; problems
// come back as line-numbered diagnostics and the defaults stand in. Never throws.
import fs from 'node:fs';
import path from 'node:path';
import { load, CORE_SCHEMA, YAMLException } from 'js-yaml';
import { ALERT_PATH, DEFAULT_ALERT_MAPPING, defaultAlertMapping, type AlertIndicatorMapping, type AlertMapping } from './alert';
import { INDICATOR_TYPES, type IndicatorType } from './incident/events';

export const CONFIG_FILE = '.firebreak.yml';

export type BranchMode =
  /** Commit on the branch checked out in the user's worktree. */
  | { readonly kind: 'current' }
  /** One branch (e.g. `incidents`) in its own worktree under the git dir. */
  | { readonly kind: 'dedicated'; readonly branch: string }
  /** `incident/<id>`, each in its own worktree. */
  | { readonly kind: 'per-incident'; readonly prefix: string }
  /** Another repository on disk (a path, relative to this repository's root or absolute). */
  | { readonly kind: 'repository'; readonly path: string };

export interface FirebreakConfig {
  /** Folder holding one folder per incident, relative to the repository root. Default `incidents`. */
  readonly incidentsFolder: string;
  /** Folders searched for runbooks. Default `['runbooks']`. */
  readonly runbookFolders: readonly string[];
  /** Severity levels, most severe first. Default SEV1..SEV4. */
  readonly severities: readonly string[];
  readonly branch: BranchMode;
  /** `auto` (default): sync automatically when the incidents' branch has a remote; `manual`: only on `firebreak sync`. */
  readonly sync: 'auto' | 'manual';
  /** Remote used by sync. Default `origin`. */
  readonly remote: string;
  /** 0 (default): one commit per action; otherwise batch the actions of this many seconds into one commit. */
  readonly commitBatchSeconds: number;
  readonly evidence: {
    /** Files larger than this stay out of Git (hash and location recorded). Default 10 MB. */
    readonly maxBytes: number;
    /** Glob patterns (matched against the file name) of evidence kept out of Git. */
    readonly outOfGit: readonly string[];
  };
  /** Warn about secrets in notes and outputs before committing. Default true. */
  readonly secretScan: boolean;
  /** How `start --from-alert` reads an alert JSON; keys not configured keep the generic alert's. */
  readonly alert: AlertMapping;
}

export interface ConfigDiagnostic {
  readonly severity: 'error' | 'warning';
  /** Stable kebab-case code. */
  readonly code: string;
  readonly message: string;
  /** 1-based line in `.firebreak.yml` (1 when unknown). */
  readonly line: number;
}

export interface LoadedConfig {
  readonly config: FirebreakConfig;
  readonly diagnostics: readonly ConfigDiagnostic[];
}

export const DEFAULT_CONFIG: FirebreakConfig = {
  incidentsFolder: 'incidents',
  runbookFolders: ['runbooks'],
  severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
  branch: { kind: 'current' },
  sync: 'auto',
  remote: 'origin',
  commitBatchSeconds: 0,
  evidence: { maxBytes: 10 * 1024 * 1024, outOfGit: [] },
  secretScan: true,
  alert: DEFAULT_ALERT_MAPPING,
};

/** Git hosts reject files over 100 MB. */
const HOST_FILE_LIMIT = 100 * 1024 * 1024;
const FOLDER = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;
const BRANCH = FOLDER;

/** A branch name `.firebreak.yml` accepts (lowercase letters, digits, '.', '_', '-', '/'-separated parts). */
export function isConfigBranchName(name: string): boolean {
  return BRANCH.test(name);
}
const KNOWN_KEYS = ['incidents', 'runbooks', 'severities', 'branch', 'sync', 'remote', 'commit-batch', 'evidence', 'secret-scan', 'alert'];

/**
 * Reads `<root>/.firebreak.yml` (a regular file only, at most 64 KB). `found` is false when there
 * is none (the CLI then says it uses the defaults; VS Code asks once and writes it).
 */
export async function loadConfig(root: string): Promise<LoadedConfig & { readonly found: boolean }> {
  const file = path.join(root, CONFIG_FILE);
  let stat: fs.Stats;
  try {
    stat = await fs.promises.lstat(file);
  } catch {
    return { config: DEFAULT_CONFIG, diagnostics: [], found: false };
  }
  if (!stat.isFile() || stat.size > 64 * 1024) {
    return { config: DEFAULT_CONFIG, diagnostics: [{ severity: 'error', code: 'config-not-a-file', message: `${CONFIG_FILE} must be a regular file under 64 KB (not a symlink); using the defaults`, line: 1 }], found: true };
  }
  return { ...parseConfig(await fs.promises.readFile(file, 'utf8')), found: true };
}

/** Parses the text of `.firebreak.yml` (empty or absent: defaults, no diagnostic). */
export function parseConfig(text: string): LoadedConfig {
  const diagnostics: ConfigDiagnostic[] = [];
  const lineOf = (key: string): number => {
    const index = text.split('\n').findIndex((l) => new RegExp(`^\\s*${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`).test(l));
    return index >= 0 ? index + 1 : 1;
  };
  const problem = (key: string, message: string, severity: 'error' | 'warning' = 'error', code = 'config-invalid-value') =>
    diagnostics.push({ severity, code, message, line: lineOf(key) });
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA, json: false });
  } catch (error) {
    const mark = error instanceof YAMLException ? error.mark : undefined;
    const reason = error instanceof YAMLException ? error.reason : String(error);
    return { config: DEFAULT_CONFIG, diagnostics: [{ severity: 'error', code: 'config-yaml-invalid', message: `${CONFIG_FILE} is not valid YAML: ${reason}`, line: (mark?.line ?? 0) + 1 }] };
  }
  if (data == null) return { config: DEFAULT_CONFIG, diagnostics };
  if (!isMapping(data)) {
    return { config: DEFAULT_CONFIG, diagnostics: [{ severity: 'error', code: 'config-not-a-mapping', message: `${CONFIG_FILE} must be a mapping of settings`, line: 1 }] };
  }
  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.includes(key)) problem(key, `Unknown setting "${key}" (known: ${KNOWN_KEYS.join(', ')})`, 'warning', 'config-unknown-key');
  }
  const folder = (key: string, value: unknown, fallback: string): string => {
    if (value === undefined) return fallback;
    if (typeof value === 'string' && FOLDER.test(value)) return value;
    problem(key, `"${key}" must be a relative folder of lowercase letters, digits, '.', '_' or '-' (e.g. incidents); using ${fallback}`);
    return fallback;
  };
  const incidentsFolder = folder('incidents', data.incidents, DEFAULT_CONFIG.incidentsFolder);
  let runbookFolders = DEFAULT_CONFIG.runbookFolders;
  if (data.runbooks !== undefined) {
    const list = typeof data.runbooks === 'string' ? [data.runbooks] : data.runbooks;
    if (Array.isArray(list) && list.length > 0 && list.every((f) => typeof f === 'string' && FOLDER.test(f))) runbookFolders = list as string[];
    else problem('runbooks', '"runbooks" must be a folder or a list of relative folders; using runbooks');
  }
  let severities = DEFAULT_CONFIG.severities;
  if (data.severities !== undefined) {
    const list = data.severities;
    if (Array.isArray(list) && list.length > 0 && list.every((s) => typeof s === 'string' && /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/.test(s)) && new Set(list).size === list.length) severities = list as string[];
    else problem('severities', '"severities" must be a list of distinct level names (letters, digits, - or _), most severe first; using SEV1..SEV4');
  }
  const branch = parseBranch(data.branch, (message) => problem('branch', message));
  let sync = DEFAULT_CONFIG.sync;
  if (data.sync !== undefined) {
    if (data.sync === 'auto' || data.sync === 'manual') sync = data.sync;
    else if (typeof data.sync === 'boolean') sync = data.sync ? 'auto' : 'manual';
    else problem('sync', '"sync" must be auto or manual; using auto');
  }
  let remote = DEFAULT_CONFIG.remote;
  if (data.remote !== undefined) {
    if (typeof data.remote === 'string' && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(data.remote)) remote = data.remote;
    else problem('remote', '"remote" must be a remote name such as origin; using origin');
  }
  let commitBatchSeconds = DEFAULT_CONFIG.commitBatchSeconds;
  if (data['commit-batch'] !== undefined) {
    const value = parseDuration(data['commit-batch']);
    if (value != null && value >= 0 && value <= 3600) commitBatchSeconds = value;
    else problem('commit-batch', '"commit-batch" must be off or a duration up to 1h such as 10s; using one commit per action');
  }
  const evidence = parseEvidence(data.evidence, problem);
  let secretScan = DEFAULT_CONFIG.secretScan;
  if (data['secret-scan'] !== undefined) {
    if (typeof data['secret-scan'] === 'boolean') secretScan = data['secret-scan'];
    else problem('secret-scan', '"secret-scan" must be true or false; using true');
  }
  const alert = parseAlertMapping(data.alert, severities, problem);
  return { config: { incidentsFolder, runbookFolders, severities, branch, sync, remote, commitBatchSeconds, evidence, secretScan, alert }, diagnostics };
}

function parseBranch(value: unknown, problem: (message: string) => void): BranchMode {
  if (value === undefined || value === 'current') return { kind: 'current' };
  if (value === 'per-incident') return { kind: 'per-incident', prefix: 'incident' };
  if (typeof value === 'string' && BRANCH.test(value)) return { kind: 'dedicated', branch: value };
  if (isMapping(value)) {
    const mode = value.mode;
    if (mode === 'current') return { kind: 'current' };
    if (mode === 'dedicated' && (value.name === undefined || (typeof value.name === 'string' && BRANCH.test(value.name)))) {
      return { kind: 'dedicated', branch: (value.name as string | undefined) ?? 'incidents' };
    }
    if (mode === 'per-incident' && (value.prefix === undefined || (typeof value.prefix === 'string' && BRANCH.test(value.prefix)))) {
      return { kind: 'per-incident', prefix: (value.prefix as string | undefined) ?? 'incident' };
    }
    if (mode === 'repository' && typeof value.path === 'string' && value.path.trim() !== '' && !value.path.startsWith('-') && !value.path.includes('\0')) {
      return { kind: 'repository', path: value.path };
    }
  }
  problem('"branch" must be current, per-incident, a branch name (e.g. incidents), or {mode: dedicated|per-incident|repository, name|prefix|path}; using the current branch');
  return { kind: 'current' };
}

function parseEvidence(value: unknown, problem: (key: string, message: string) => void): FirebreakConfig['evidence'] {
  if (value === undefined) return DEFAULT_CONFIG.evidence;
  if (!isMapping(value)) {
    problem('evidence', '"evidence" must be a mapping with max-size and out-of-git');
    return DEFAULT_CONFIG.evidence;
  }
  let maxBytes = DEFAULT_CONFIG.evidence.maxBytes;
  if (value['max-size'] !== undefined) {
    const size = parseSize(value['max-size']);
    if (size != null && size > 0 && size <= HOST_FILE_LIMIT) maxBytes = size;
    else problem('max-size', '"max-size" must be a size up to 100MB (Git hosts reject larger files), e.g. 10MB; using 10MB');
  }
  let outOfGit = DEFAULT_CONFIG.evidence.outOfGit;
  if (value['out-of-git'] !== undefined) {
    const list = value['out-of-git'];
    if (Array.isArray(list) && list.every((p) => typeof p === 'string' && p.length > 0 && p.length < 200)) outOfGit = list as string[];
    else problem('out-of-git', '"out-of-git" must be a list of file-name patterns such as "*.pcap"');
  }
  return { maxBytes, outOfGit };
}

const ALERT_KEYS = ['title', 'severity', 'source', 'occurred-at', 'indicators'];

/**
 * `alert: { title: "$.rule.name", severity: { path: "$.level", map: { critical: SEV1 } }, source: "$.link",
 * occurred-at: "$.time", indicators: [{ type: ip, path: "$.src_ip" }, { path: "$.iocs" }] }`. A key with an
 * invalid value keeps the generic alert's mapping and is reported.
 */
function parseAlertMapping(value: unknown, severities: readonly string[], problem: (key: string, message: string) => void): AlertMapping {
  const defaults = defaultAlertMapping(severities);
  if (value === undefined) return defaults;
  if (!isMapping(value)) {
    problem('alert', '"alert" must be a mapping with title, severity, source, occurred-at and indicators');
    return defaults;
  }
  for (const key of Object.keys(value)) {
    if (!ALERT_KEYS.includes(key)) problem(key, `Unknown alert setting "${key}" (known: ${ALERT_KEYS.join(', ')})`);
  }
  const pathOf = (key: string, fallback: string): string => {
    const given = value[key];
    if (given === undefined) return fallback;
    if (typeof given === 'string' && ALERT_PATH.test(given)) return given;
    problem(key, `alert "${key}" must be a dotted path such as $.rule.name; using ${fallback}`);
    return fallback;
  };
  let severity = defaults.severity;
  if (typeof value.severity === 'string') severity = { path: pathOf('severity', severity.path), map: severity.map };
  else if (value.severity !== undefined) {
    const given = value.severity;
    const map = isMapping(given) ? given.map : undefined;
    const mapOk = map === undefined || (isMapping(map) && Object.values(map).every((level) => typeof level === 'string' && severities.includes(level)));
    if (isMapping(given) && typeof given.path === 'string' && ALERT_PATH.test(given.path) && mapOk) {
      severity = { path: given.path, map: map === undefined ? severity.map : { ...(map as Record<string, string>) } };
    } else {
      problem('severity', `alert "severity" must be a path or { path: "$.level", map: { critical: ${severities[0] ?? 'SEV1'} } } mapping to ${severities.join(', ')}; using $.severity`);
    }
  }
  let indicators = defaults.indicators;
  if (value.indicators !== undefined) {
    const list = value.indicators;
    const valid = Array.isArray(list) && list.length <= 50 && list.every((item) => isMapping(item) && typeof item.path === 'string' && ALERT_PATH.test(item.path)
      && (item.type === undefined || (INDICATOR_TYPES as readonly unknown[]).includes(item.type)));
    if (valid) indicators = (list as Record<string, unknown>[]).map((item): AlertIndicatorMapping => ({ path: item.path as string, ...(item.type !== undefined ? { type: item.type as IndicatorType } : {}) }));
    else problem('indicators', `alert "indicators" must be a list of { type: ${INDICATOR_TYPES.join('|')}, path: "$.src_ip" } (no type: the path holds [{type, value}]); using $.indicators`);
  }
  return {
    title: pathOf('title', defaults.title),
    severity,
    source: pathOf('source', defaults.source),
    occurredAt: pathOf('occurred-at', defaults.occurredAt),
    indicators,
  };
}

/** `10MB`, `512 KB`, `1048576` → bytes; null when not a size. */
export function parseSize(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value !== 'string') return null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|kib|mib|gib)?\s*$/i.exec(value);
  if (!match) return null;
  const unit = (match[2] ?? 'b').toLowerCase();
  const factor = { b: 1, kb: 1024, kib: 1024, mb: 1024 ** 2, mib: 1024 ** 2, gb: 1024 ** 3, gib: 1024 ** 3 }[unit]!;
  return Math.round(Number(match[1]) * factor);
}

/** `off`/`false` → 0, `10s`, `2m`, `1h`, a number of seconds → seconds; null when not a duration. */
function parseDuration(value: unknown): number | null {
  if (value === false || value === 'off') return 0;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const match = /^\s*(\d+)\s*(s|m|h)?\s*$/.exec(value);
  if (!match) return null;
  return Number(match[1]) * { s: 1, m: 60, h: 3600 }[(match[2] ?? 's') as 's' | 'm' | 'h'];
}

/** Matches a file name against an out-of-git pattern (`*` and `?` wildcards, case-insensitive). */
export function matchesPattern(fileName: string, pattern: string): boolean {
  const regex = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${regex}$`, 'i').test(fileName);
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
