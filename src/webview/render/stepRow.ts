// One checklist row: a real checkbox, markers (required, role, added, evidence), who/when, the
// runbook's details (host-rendered safe HTML), and per-step actions with an in-page reason prompt.
import type { StepView } from '../../shared/dashboardProtocol';
import { h, icon, iconButton } from '../dom';
import { stepStateLabel, stepWhoWhen } from '../labels';
import { formatUtc } from '../time';
import type { RenderContext } from './context';
import { intentForm, textInput } from './forms';

/** `domId` is unique in the page (step ids may contain characters element ids should not). */
export function renderStep(ctx: RenderContext, step: StepView, domId: string): HTMLLIElement {
  const metaId = `${domId}-meta`;
  const checkbox = h('input', {
    type: 'checkbox', checked: step.state === 'checked', 'data-key': `check:${step.id}`, 'aria-describedby': metaId,
    onchange: () => ctx.send({ type: 'setStepChecked', stepId: step.id, checked: checkbox.checked }),
  });
  const prompt = ctx.ui.stepPrompt?.stepId === step.id ? ctx.ui.stepPrompt.kind : undefined;
  return h('li', { class: `step state-${step.state}`, 'data-step-id': step.id },
    h('div', { class: 'step-main' },
      h('label', { class: 'step-label' }, checkbox, h('span', { class: 'step-text' }, step.text)),
      h('span', { class: 'markers' }, ...markers(step)),
      h('span', { class: 'step-actions' }, ...actions(ctx, step))),
    h('div', { class: 'step-meta', id: metaId }, ...metaParts(step)),
    step.detailHtml.trim() ? details(step) : null,
    prompt ? reasonPrompt(ctx, step, prompt) : null);
}

function markers(step: StepView): HTMLElement[] {
  const list: HTMLElement[] = [];
  if (step.required) list.push(h('span', { class: 'badge required', title: 'Required step' }, 'required'));
  if (step.role) list.push(h('span', { class: 'badge role', title: `Role: ${step.role}` }, icon('person'), step.role));
  if (step.evidenceRequired) list.push(h('span', { class: 'badge', title: 'Evidence required' }, icon('file-add'), 'evidence'));
  if (step.added) list.push(h('span', { class: 'badge', title: 'Added during the incident' }, 'added'));
  if (step.state !== 'open' && step.state !== 'checked') list.push(h('span', { class: `badge state state-${step.state}` }, stepStateLabel(step.state)));
  return list;
}

function metaParts(step: StepView): HTMLElement[] {
  const parts: HTMLElement[] = [];
  const whoWhen = stepWhoWhen(step);
  if (whoWhen) parts.push(h('span', {}, whoWhen));
  if (step.reason) parts.push(h('span', { class: 'reason' }, `Reason: ${step.reason}`));
  if (step.claimedBy && step.state !== 'checked') parts.push(h('span', {}, icon('person'), `Claimed by ${step.claimedBy}`));
  if (step.deadline) parts.push(h('span', {}, icon('clock'), `Due ${formatUtc(step.deadline)}`));
  if (step.lastRun) parts.push(h('span', {}, icon('terminal'), `Command: ${step.lastRun}`));
  return parts;
}

function actions(ctx: RenderContext, step: StepView): HTMLButtonElement[] {
  const key = (action: string) => `${action}:${step.id}`;
  const ask = (kind: 'block' | 'na') => () => ctx.updateUi((ui) => { ui.stepPrompt = { stepId: step.id, kind }; }, `reason:${step.id}:reason`);
  const list: HTMLButtonElement[] = [];
  if (step.state === 'open' || step.state === 'blocked') {
    list.push(iconButton('person', `Claim: ${step.text}`, () => ctx.send({ type: 'claimStep', stepId: step.id }), { 'data-key': key('claim') }));
  }
  if (step.state === 'open') {
    list.push(iconButton('circle-slash', `Mark blocked: ${step.text}`, ask('block'), { 'data-key': key('block') }));
    list.push(iconButton('dash', `Mark not applicable: ${step.text}`, ask('na'), { 'data-key': key('na') }));
  }
  if (step.runnable && ctx.view.canRecord) {
    // The host shows the exact command in a native modal before anything runs.
    list.push(iconButton('play', `Run the command of: ${step.text}…`, () => ctx.send({ type: 'runStep', stepId: step.id }), { 'data-key': key('run') }));
  }
  if (step.state === 'blocked') {
    list.push(iconButton('unlock', `Unblock: ${step.text}`, () => ctx.send({ type: 'unblockStep', stepId: step.id }), { 'data-key': key('unblock') }));
  }
  return list;
}

function details(step: StepView): HTMLDetailsElement {
  const body = h('div', { class: 'detail' });
  // Host-rendered by markdown-it with html:false: safe HTML by contract (links are intercepted).
  body.innerHTML = step.detailHtml;
  return h('details', { 'data-key': `details:${step.id}` }, h('summary', {}, 'Details'), body);
}

function reasonPrompt(ctx: RenderContext, step: StepView, kind: 'block' | 'na'): HTMLFormElement {
  const formKey = `reason:${step.id}`;
  const question = kind === 'block' ? 'What is blocking this step?' : 'Why does this step not apply?';
  const close = () => ctx.updateUi((ui) => { ui.stepPrompt = undefined; }, `${kind}:${step.id}`);
  return intentForm({
    key: formKey,
    label: question,
    controls: [textInput(formKey, 'reason', question, { required: true })],
    submitLabel: kind === 'block' ? 'Mark blocked' : 'Mark not applicable',
    onSubmit: (values) => {
      const reason = values.get('reason');
      if (!reason) return false;
      ctx.send(kind === 'block' ? { type: 'blockStep', stepId: step.id, reason } : { type: 'markNotApplicable', stepId: step.id, reason });
      ctx.updateUi((ui) => { ui.stepPrompt = undefined; }, `check:${step.id}`);
      return true;
    },
    onCancel: close,
  });
}
