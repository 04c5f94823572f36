// Recording needs a trusted workspace (PRODUCT.md §5): in Restricted Mode Firebreak is read-only.
import * as vscode from 'vscode';

export class UserFacingError extends Error {}

export function requireTrust(): void {
  if (!vscode.workspace.isTrusted) {
    throw new UserFacingError('This workspace is in Restricted Mode: Firebreak is read-only here and records nothing. Trust the workspace to record incidents.');
  }
}
