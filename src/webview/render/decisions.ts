// The decisions log (what, approved by, why, who recorded it) and its form.
import { empty, h, section } from '../dom';
import { newestFirst } from '../format';
import { formatUtc } from '../time';
import type { RenderContext } from './context';
import { folded, intentForm, textArea, textInput } from './forms';

export function renderDecisions(ctx: RenderContext): HTMLElement {
  const decisions = newestFirst(ctx.view.decisions);
  return section('decisions', 'Decisions', 'law',
    decisions.length
      ? h('ul', { class: 'log' }, ...decisions.map((d) => h('li', {},
        h('div', { class: 'log-text' }, d.what),
        h('div', { class: 'log-meta' }, `Approved by ${d.approvedBy} · recorded by ${d.by} · ${formatUtc(d.at)}`),
        d.why ? h('div', { class: 'log-why' }, `Why: ${d.why}`) : null)))
      : empty('No decisions recorded.'),
    folded('decision', 'Record decision', decisionForm(ctx)));
}

function decisionForm(ctx: RenderContext): HTMLFormElement {
  const key = 'decision';
  return intentForm({
    key,
    label: 'Record a decision',
    controls: [
      textInput(key, 'what', 'Decision', { required: true, placeholder: 'Decision (e.g. take the VPN gateway offline)' }),
      textInput(key, 'approvedBy', 'Approved by', { required: true }),
      textArea(key, 'why', 'Why (optional)'),
    ],
    submitLabel: 'Record decision',
    submitIcon: 'law',
    onSubmit: (values) => {
      const what = values.get('what');
      const approvedBy = values.get('approvedBy');
      if (!what || !approvedBy) return false;
      const why = values.get('why');
      ctx.send({ type: 'recordDecision', what, approvedBy, ...(why ? { why } : {}) });
      return true;
    },
  });
}
