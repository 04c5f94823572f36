// The header: title, severity (changeable), status, stage, ticking elapsed time, sync, and the
// incident-wide actions (advance with its preview of skipped steps, close/reopen, hand off, evidence).
import { advanceSummary, skippedStepTexts } from '../labels';
import { linkToOpen } from '../links';
import { button, h, icon } from '../dom';
import { elapsedMs, formatElapsed } from '../../shared/elapsed';
import { formatUtc } from '../time';
import type { RenderContext } from './context';

export function renderHeader(ctx: RenderContext): HTMLElement {
  const { incident } = ctx.view;
  return h('header', { class: 'incident-header' },
    h('div', { class: 'title-row' },
      h('h1', { id: 'incident-title' }, incident.title),
      h('span', { class: `badge status-${incident.status}` }, incident.status === 'active' ? 'Active' : 'Closed')),
    h('div', { class: 'meta' },
      severityControl(ctx),
      metaItem('list-ordered', 'Stage', incident.stageTitle),
      h('span', { class: 'meta-item', title: `Opened ${formatUtc(incident.openedAt)}${incident.closedAt ? `, closed ${formatUtc(incident.closedAt)}` : ''}` },
        icon('clock'), h('span', { class: 'visually-hidden' }, 'Elapsed '),
        h('span', { class: 'elapsed', 'data-tick': 'elapsed' }, elapsedText(ctx))),
      metaItem('book', 'Runbook', incident.runbookTitle),
      sourceItem(incident.source),
      syncItem(ctx)),
    renderActions(ctx));
}

export function elapsedText(ctx: Pick<RenderContext, 'view' | 'nowMs'>): string {
  const ms = elapsedMs(ctx.view.incident.openedAt, ctx.view.incident.closedAt, ctx.nowMs);
  return ms === undefined ? '—' : formatElapsed(ms);
}

function severityControl(ctx: RenderContext): HTMLElement {
  const { severity } = ctx.view.incident;
  const choices = ctx.view.severities.includes(severity) ? ctx.view.severities : [severity, ...ctx.view.severities];
  const closed = ctx.view.incident.status === 'closed';
  const selectElement = h('select', {
    id: 'severity', 'data-key': 'severity', onchange: () => ctx.send({ type: 'setSeverity', severity: selectElement.value }),
    ...(closed ? { disabled: true, title: 'Reopen the incident to change its severity' } : {}),
  }, ...choices.map((s) => h('option', { value: s }, s)));
  selectElement.value = severity;
  return h('label', { class: 'meta-item severity', for: 'severity' }, icon('warning'), h('span', {}, 'Severity'), selectElement);
}

function metaItem(iconName: string, label: string, value: string): HTMLElement {
  return h('span', { class: 'meta-item', title: `${label}: ${value}` }, icon(iconName), h('span', { class: 'visually-hidden' }, `${label}: `), value);
}

/** The alert it started from: a link when it is one the host would open (http, https), else text. */
function sourceItem(source: string | undefined): HTMLElement | null {
  if (source === undefined) return null;
  const content = linkToOpen(source) !== undefined && !source.startsWith('mailto:') ? h('a', { href: source }, 'Alert') : h('span', {}, source);
  return h('span', { class: 'meta-item', title: `Started from the alert ${source}` }, icon('link-external'), h('span', { class: 'visually-hidden' }, 'Source: '), content);
}

function syncItem(ctx: RenderContext): HTMLElement | null {
  const sync = ctx.view.lastSync;
  if (!sync) return null;
  return sync.ok
    ? h('span', { class: 'meta-item' }, icon('cloud'), `Synced ${formatUtc(sync.at)}`)
    : h('span', { class: 'meta-item sync-failing' }, icon('sync-ignored'), `Sync failing, last successful sync ${formatUtc(sync.at)}`);
}

function renderActions(ctx: RenderContext): HTMLElement {
  const { view } = ctx;
  const active = view.incident.status === 'active';
  const advance = advanceSummary(view.advance);
  const lastStage = view.advance.nextStageTitle === undefined;
  const onAdvance = () => {
    if (advance.warning) ctx.updateUi((ui) => { ui.confirmingAdvance = true; }, 'advance:confirm');
    else ctx.send({ type: 'advance' });
  };
  return h('div', { class: 'actions' },
    h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Incident actions' },
      active ? button(advance.label, onAdvance, {
        id: 'advance', icon: 'arrow-right', primary: true, 'data-key': 'advance', disabled: lastStage,
        title: lastStage ? 'This is the last stage' : advance.warning ?? advance.label,
      }) : null,
      active ? button('Hand off', () => ctx.send({ type: 'handoff' }), { icon: 'arrow-swap', 'data-key': 'handoff' }) : null,
      button('Attach evidence', () => ctx.send({ type: 'attachEvidence' }), { icon: 'file-add', 'data-key': 'attach' }),
      active
        ? button('Close incident', () => ctx.send({ type: 'close' }), { icon: 'pass', 'data-key': 'close' })
        : button('Reopen', () => ctx.send({ type: 'reopen' }), { icon: 'history', 'data-key': 'reopen' })),
    active && advance.warning && !ctx.ui.confirmingAdvance
      ? h('p', { class: 'hint' }, icon('warning'), `${advance.warning} if you advance now.`)
      : null,
    active && ctx.ui.confirmingAdvance ? advanceConfirmation(ctx, advance.warning ?? '') : null);
}

function advanceConfirmation(ctx: RenderContext, warning: string): HTMLElement {
  const close = () => ctx.updateUi((ui) => { ui.confirmingAdvance = false; }, 'advance');
  return h('div', { class: 'confirm', role: 'group', 'aria-labelledby': 'advance-warning', onkeydown: (event) => {
    if ((event as KeyboardEvent).key === 'Escape') close();
  } },
    h('p', { id: 'advance-warning' }, icon('warning'), `${warning}:`),
    h('ul', {}, ...skippedStepTexts(ctx.view).map((text) => h('li', {}, text))),
    h('div', { class: 'form-actions' },
      button('Advance and skip them', () => {
        ctx.updateUi((ui) => { ui.confirmingAdvance = false; }, 'advance');
        ctx.send({ type: 'advance' });
      }, { primary: true, 'data-key': 'advance:confirm' }),
      button('Cancel', close, { 'data-key': 'advance:cancel' })));
}
