// Validation of everything that reaches git from outside: names, relative paths, refs.

/** Ids and any name used in a path (PRODUCT.md §3). */
export const SAFE_NAME = /^[a-z0-9][a-z0-9._-]*$/;

export function isSafeName(value: string): boolean {
  return SAFE_NAME.test(value) && value !== '.' && !value.includes('..');
}

/** A relative path (`/`-separated) whose every segment is a safe name, e.g. `incidents/20261128-k7f3qa`. */
export function isSafeRelativePath(value: string): boolean {
  return value.length > 0 && value.length <= 1024 && value.split('/').every(isSafeName);
}

/**
 * A branch name we create or push: safe-name segments separated by `/` (`incidents`, `incident/<id>`).
 * Never starts with `-`, so it cannot be read as an option.
 */
export function isSafeBranch(value: string): boolean {
  return isSafeRelativePath(value) && !value.endsWith('.lock');
}

/** A remote name: letters, digits, `._-`, not starting with `-`. */
export function isSafeRemoteName(value: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value) && !value.includes('..');
}

/** A ULID (event id) or other opaque id: letters and digits only. */
export function isSafeToken(value: string): boolean {
  return /^[A-Za-z0-9]{1,64}$/.test(value);
}

/** Throws a TypeError naming `what` when `value` is not a safe name. */
export function assertSafe(check: (value: string) => boolean, value: string, what: string): void {
  if (typeof value !== 'string' || !check(value)) {
    throw new TypeError(`Invalid ${what} ${JSON.stringify(String(value).slice(0, 80))}: expected lowercase letters, digits, '.', '_' or '-', not starting with '-' or '.'`);
  }
}
