// The Metrics webview: says `ready`, then draws every view the host sends.
import { MetricsPage, type MetricsHost } from './metrics/page';
import { asMetricsHostMessage } from './metricsHostMessage';
import { connectToHost } from './vscodeApi';

const host: MetricsHost = connectToHost();
const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('main'));
const page = new MetricsPage(root, host);

window.addEventListener('message', (event: MessageEvent) => {
  const message = asMetricsHostMessage(event.data);
  if (message) page.receive(message);
});

host.postMessage({ type: 'ready' });
