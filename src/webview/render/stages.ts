// The stage stepper (done / current / pending, aria-current) and one checklist per stage with
// its add-step form.
import type { StageView } from '../../shared/dashboardProtocol';
import { empty, h, icon } from '../dom';
import type { RenderContext } from './context';
import { intentForm, textInput } from './forms';
import { renderStep } from './stepRow';

const STAGE_ICONS = { done: 'pass-filled', current: 'circle-filled', pending: 'circle-large-outline' } as const;
const STAGE_WORDS = { done: 'done', current: 'current stage', pending: 'pending' } as const;

export function renderStepper(ctx: RenderContext): HTMLElement {
  return h('nav', { class: 'stepper', 'aria-label': 'Stages' },
    h('ol', {}, ...ctx.view.stages.map((stage, index) => h('li', { class: `stage-${stage.state}`, 'aria-current': stage.state === 'current' ? 'step' : undefined },
      h('button', {
        type: 'button', class: 'stepper-item', 'data-nav': true, 'data-key': `stepper:${stage.id}`,
        'aria-label': `${stage.title}: ${STAGE_WORDS[stage.state]}, ${stage.done} of ${stage.total} steps`,
        onclick: () => revealStage(index),
      }, icon(STAGE_ICONS[stage.state]), h('span', { class: 'stepper-title' }, stage.title), h('span', { class: 'count' }, `${stage.done}/${stage.total}`))))));
}

export function renderChecklists(ctx: RenderContext): HTMLElement {
  return h('div', { class: 'checklists' }, ...ctx.view.stages.map((stage, index) => checklist(ctx, stage, index)));
}

function checklist(ctx: RenderContext, stage: StageView, index: number): HTMLElement {
  const headingId = `stage-${index}-heading`;
  return h('section', { class: `card stage stage-${stage.state}`, id: `stage-${index}`, 'aria-labelledby': headingId, 'data-stage-id': stage.id },
    h('h2', { id: headingId, tabindex: -1 }, icon(STAGE_ICONS[stage.state]), stage.title,
      h('span', { class: 'count', title: `${stage.done} of ${stage.total} steps done` }, `${stage.done}/${stage.total}`),
      stage.state === 'current' ? h('span', { class: 'badge current' }, 'current') : null),
    stage.steps.length ? h('ul', { class: 'steps' }, ...stage.steps.map((step, stepIndex) => renderStep(ctx, step, `step-${index}-${stepIndex}`))) : empty('No steps in this stage.'),
    addStepForm(ctx, stage));
}

function addStepForm(ctx: RenderContext, stage: StageView): HTMLFormElement {
  const key = `add-step:${stage.id}`;
  return intentForm({
    key,
    label: `Add a step to ${stage.title}`,
    controls: [textInput(key, 'text', `New step in ${stage.title}`, { required: true, placeholder: 'Add a step…' })],
    submitLabel: 'Add',
    submitIcon: 'add',
    onSubmit: (values) => {
      const text = values.get('text');
      if (!text) return false;
      ctx.send({ type: 'addStep', stageId: stage.id, text });
      return true;
    },
  });
}

function revealStage(index: number): void {
  const heading = document.getElementById(`stage-${index}-heading`);
  heading?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  heading?.focus({ preventScroll: true });
}
