// The Metrics page: the last view from the host, the real/exercise toggle (kept across reloads),
// and the three charts, each with its data table.
import type { MetricsHostMessage, MetricsPersistedState, MetricsView, MetricsWebviewMessage } from '../../shared/metricsProtocol';
import { append, empty, h, icon, section } from '../dom';
import { metricsModel, type MetricsModel } from '../metricsModel';
import type { HostConnection } from '../vscodeApi';
import { containChart } from './containChart';
import { slaChart } from './slaChart';
import { stageChart } from './stageChart';

export type MetricsHost = HostConnection<MetricsWebviewMessage, MetricsPersistedState>;

export class MetricsPage {
  private view: MetricsView | undefined;
  private error: string | undefined;
  private exercises: boolean;

  constructor(private readonly root: HTMLElement, private readonly host: MetricsHost) {
    this.exercises = host.getState()?.exercises === true;
    // A bar segment or point names its incident: a click, Enter or Space opens the incident's dashboard.
    const incidentOf = (event: Event) => (event.target instanceof Element ? event.target.closest('[data-incident]')?.getAttribute('data-incident') : undefined);
    const open = (incidentId: string) => host.postMessage({ type: 'openIncident', incidentId });
    root.addEventListener('click', (event) => {
      const incidentId = incidentOf(event);
      if (incidentId) open(incidentId);
    });
    root.addEventListener('keydown', (event) => {
      const incidentId = incidentOf(event);
      if (!incidentId || (event.key !== 'Enter' && event.key !== ' ')) return;
      event.preventDefault();
      open(incidentId);
    });
  }

  receive(message: MetricsHostMessage): void {
    if (message.type === 'metrics') {
      this.view = message.view;
      this.error = undefined;
    } else {
      this.error = message.message;
    }
    this.render();
  }

  private setExercises(exercises: boolean): void {
    this.exercises = exercises;
    this.host.setState({ exercises });
    this.render();
    this.root.querySelector<HTMLInputElement>(`#kind-${exercises ? 'exercises' : 'real'}`)?.focus();
  }

  private render(): void {
    this.root.replaceChildren();
    this.root.removeAttribute('aria-busy');
    append(this.root, [
      h('header', { class: 'metrics-header' }, h('h1', {}, icon('graph'), ' Incident metrics')),
      this.error ? h('div', { class: 'banner error', role: 'alert' }, icon('error'), h('span', {}, this.error)) : null,
    ]);
    if (!this.view) return;
    if (this.view.incidents.length === 0) {
      this.root.append(h('section', { class: 'card empty-state', id: 'metrics-empty' },
        icon('graph'), empty('No incidents in this repository yet. Start one from a runbook; its stages, containment and SLA misses will be charted here.')));
      return;
    }
    const model = metricsModel(this.view, this.exercises);
    append(this.root, [this.toggle(model), this.summary(model), h('p', { class: 'hint' }, icon('info'), 'Select a bar or a point (click, or Tab then Enter) to open that incident.')]);
    if (model.counts.incidents === 0) {
      this.root.append(h('section', { class: 'card empty-state', id: 'metrics-empty' },
        empty(this.exercises ? 'No exercises yet: start an incident as an “Exercise (drill)”.' : 'No real incidents yet: only exercises.')));
      return;
    }
    append(this.root, [
      section('stage-durations', 'Stage durations per incident', 'list-ordered', stageChart(model)),
      section('time-to-contain', 'Time to contain over time', 'shield', containChart(model)),
      section('sla-misses', 'SLA misses per runbook', 'warning', slaChart(model)),
    ]);
  }

  private toggle(model: MetricsModel): HTMLElement {
    const option = (exercises: boolean, label: string) => h('label', { class: 'kind-option' },
      h('input', { type: 'radio', name: 'kind', id: `kind-${exercises ? 'exercises' : 'real'}`, checked: this.exercises === exercises, onchange: () => this.setExercises(exercises) }),
      label);
    return h('fieldset', { class: 'kind-toggle' },
      h('legend', { class: 'visually-hidden' }, 'Which incidents to chart'),
      option(false, `Real incidents (${model.counts.real})`),
      option(true, `Exercises (${model.counts.exercises})`));
  }

  private summary(model: MetricsModel): HTMLElement {
    const { incidents, open, closed } = model.counts;
    return h('p', { class: 'muted', id: 'metrics-summary', role: 'status' },
      `${incidents} ${model.exercises ? 'exercise' : 'incident'}${incidents === 1 ? '' : 's'}: ${open} open, ${closed} closed.`);
  }
}
