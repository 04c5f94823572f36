// The runbook library of a repository as its team configured it: the runbook folders of
// `.firebreak.yml` (PRODUCT.md §3; `runbooks/` by default) plus the built-in runbooks. The one
// place that turns the configuration into a library, for the CLI, the service and VS Code alike.
import { loadConfig, type ConfigDiagnostic } from '../config';
import { RunbookLibrary, type LibraryFs } from './library';

export interface RepositoryLibrary {
  /** Indexed (front-matter only) and ready to resolve, list and load. */
  readonly library: RunbookLibrary;
  /** The repository's runbook folders it searched, relative to the root. */
  readonly folders: readonly string[];
  /** Problems in `.firebreak.yml` (the defaults stand in for a bad value). */
  readonly configDiagnostics: readonly ConfigDiagnostic[];
}

/**
 * Loads the library of the repository at `repoRoot`; without a repository (`undefined`), only the
 * built-in runbooks.
 */
export async function loadRepositoryLibrary(
  repoRoot: string | undefined,
  options: { readonly builtinFolder?: string; readonly fs?: LibraryFs } = {},
): Promise<RepositoryLibrary> {
  const loaded = repoRoot === undefined ? undefined : await loadConfig(repoRoot);
  const folders = loaded?.config.runbookFolders ?? [];
  const library = new RunbookLibrary({
    root: repoRoot ?? options.builtinFolder ?? '.',
    folders,
    ...(options.builtinFolder !== undefined ? { builtinFolder: options.builtinFolder } : {}),
    ...(options.fs ? { fs: options.fs } : {}),
  });
  await library.refresh();
  return { library, folders, configDiagnostics: loaded?.diagnostics ?? [] };
}
