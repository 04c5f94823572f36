// The incident service shared by the CLI and the VS Code extension.
export * from './types';
export { ServiceError } from './errors';
