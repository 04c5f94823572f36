// `text/uri-list` (RFC 2483), as a webview's drop gives it: one URI per line, `#` lines are
// comments. Untrusted input: bounded in size and count; the host still checks every file.

export const MAX_DROPPED_FILES = 20;
const MAX_LIST_LENGTH = 64 * 1024;

/** The URIs of a uri-list, in order, without duplicates; throws with a message for people when it is unusable. */
export function parseUriList(text: string): string[] {
  if (text.length > MAX_LIST_LENGTH) throw new Error('The dropped list of files is too long.');
  const uris = [...new Set(text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#')))];
  if (uris.length === 0) throw new Error('Nothing usable was dropped: drop files from the Explorer or the file manager.');
  if (uris.length > MAX_DROPPED_FILES) throw new Error(`Drop at most ${MAX_DROPPED_FILES} files at once.`);
  return uris;
}
