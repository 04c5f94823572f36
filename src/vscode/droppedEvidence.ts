// Files dropped onto the dashboard or selected in the Explorer: the webview sends only the
// `text/uri-list` it was given; the host accepts a URI only when it is a `file:` URI of a regular
// file that is not a symbolic link.
import fs from 'node:fs';
import * as vscode from 'vscode';
import { parseUriList } from '../shared/uriList';
import { UserFacingError } from './trust';

export async function droppedFiles(uriList: string): Promise<vscode.Uri[]> {
  let uris: string[];
  try {
    uris = parseUriList(uriList);
  } catch (error) {
    throw new UserFacingError(error instanceof Error ? error.message : String(error));
  }
  const files: vscode.Uri[] = [];
  for (const text of uris) {
    const shown = JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(text, true);
    } catch {
      throw new UserFacingError(`Cannot attach ${shown}: not a valid URI.`);
    }
    await requireLocalRegularFile(uri, shown);
    files.push(uri);
  }
  return files;
}

/** Refuses, saying why, anything but a `file:` URI on this machine of a regular file that is not a symbolic link. */
export async function requireLocalRegularFile(uri: vscode.Uri, shown: string): Promise<void> {
  if (uri.scheme !== 'file' || uri.authority !== '') throw new UserFacingError(`Cannot attach ${shown}: only files on this machine (file: URIs) can be attached.`);
  let stat: fs.Stats;
  try {
    stat = await fs.promises.lstat(uri.fsPath);
  } catch {
    throw new UserFacingError(`Cannot attach ${shown}: the file does not exist.`);
  }
  if (stat.isSymbolicLink()) throw new UserFacingError(`Cannot attach ${shown}: it is a symbolic link; attach the file it points to.`);
  if (!stat.isFile()) throw new UserFacingError(`Cannot attach ${shown}: it is not a regular file.`);
}
