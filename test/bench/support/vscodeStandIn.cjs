// A minimal stand-in for the `vscode` module, enough to require and activate the built extension
// in plain Node for the activation benchmark: every property is a callable, constructible proxy
// that returns another one, so any API shape the extension touches at activation works. Commands
// are real: `registeredCommands` maps each registered id to its handler.
const Module = require('node:module');
const path = require('node:path');

function standIn(name) {
  const target = function () {};
  return new Proxy(target, {
    get(_t, prop) {
      if (prop === 'then') return undefined; // not a promise
      if (prop === Symbol.toPrimitive) return () => name;
      if (prop === 'dispose') return () => {};
      if (prop === 'workspaceFolders') return undefined;
      if (prop === 'isTrusted') return true;
      return standIn(`${name}.${String(prop)}`);
    },
    set() { return true; }, // e.g. `statusBarItem.name = …`
    apply() { return standIn(`${name}()`); },
    construct() { return standIn(`new ${name}`); },
  });
}

// esbuild's interop copies a module's own keys, which a proxy cannot list: marking the module
// as ES and exposing the API through its prototype lets `import * as vscode` see every name.
const registeredCommands = new Map();
const commands = {
  registerCommand(id, handler) {
    if (registeredCommands.has(id)) throw new Error(`command '${id}' already exists`);
    registeredCommands.set(id, handler);
    return { dispose: () => registeredCommands.delete(id) };
  },
  executeCommand: async (id, ...args) => registeredCommands.get(id)?.(...args),
};
const api = new Proxy({}, {
  get: (_t, prop) => (prop === 'then' ? undefined : prop === 'commands' ? commands : standIn(`vscode.${String(prop)}`)),
});
const vscode = new Proxy({}, {
  get: (_t, prop) => (prop === '__esModule' ? true : api[prop]),
  getPrototypeOf: () => api,
});
const originalLoad = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'vscode') return vscode;
  return originalLoad.call(this, request, parent, isMain);
};

const packageJSON = require(path.join(__dirname, '..', '..', '..', 'package.json'));
const makeContext = () => ({
  subscriptions: [],
  extension: { packageJSON },
  extensionUri: standIn('uri'),
  globalState: standIn('globalState'),
  workspaceState: standIn('workspaceState'),
  extensionPath: process.cwd(),
});
module.exports = { makeContext, registeredCommands };
