// The dashboard webview: says `ready`, renders every `state` the host sends, ticks the clocks
// each second, turns link clicks into `openLink` intents (http, https, mailto only) and dropped
// files into a `dropEvidence` intent.
import { Dashboard } from './app';
import { asHostMessage } from './hostMessage';
import { linkToOpen } from './links';
import { connectToHost } from './vscodeApi';

const host = connectToHost();
const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('main'));
const dashboard = new Dashboard(root, host);

window.addEventListener('message', (event: MessageEvent) => {
  const message = asHostMessage(event.data);
  if (message) dashboard.receive(message);
});

// Every anchor is handled here: the webview itself never navigates.
function onLinkActivated(event: MouseEvent): void {
  const anchor = event.target instanceof Element ? event.target.closest('a') : null;
  if (!anchor) return;
  event.preventDefault();
  const href = linkToOpen(anchor.getAttribute('href'));
  if (href) host.postMessage({ type: 'openLink', href });
}
document.addEventListener('click', onLinkActivated, true);
document.addEventListener('auxclick', onLinkActivated, true);

// Files dropped onto the dashboard: only their uri-list goes to the host, which checks each file
// and asks before attaching (hold Shift while dragging from the Explorer to drop into a webview).
const carriesFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('text/uri-list') ?? false;
document.addEventListener('dragover', (event) => {
  if (!carriesFiles(event)) return;
  event.preventDefault();
  event.dataTransfer!.dropEffect = 'copy';
  document.body.classList.add('dropping');
});
document.addEventListener('dragleave', (event) => {
  if (event.relatedTarget === null) document.body.classList.remove('dropping');
});
document.addEventListener('drop', (event) => {
  document.body.classList.remove('dropping');
  if (!carriesFiles(event)) return;
  event.preventDefault();
  const uriList = event.dataTransfer!.getData('text/uri-list');
  if (uriList.trim() !== '') dashboard.send({ type: 'dropEvidence', uriList });
});

setInterval(() => dashboard.tick(), 1000);
host.postMessage({ type: 'ready' });
