// The dashboard webview: says `ready`, renders every `state` the host sends, ticks the clocks
// each second, and turns link clicks into `openLink` intents (http, https, mailto only).
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

setInterval(() => dashboard.tick(), 1000);
host.postMessage({ type: 'ready' });
