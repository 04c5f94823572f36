// The whole dashboard for one view: banners, header, stepper, then a main column (the work) and
// a side column (the clock, the people and the record of what was found and kept).
import { h } from '../dom';
import { renderBanners } from './banners';
import type { RenderContext } from './context';
import { renderDecisions } from './decisions';
import { renderEvidence } from './evidence';
import { renderFields } from './fields';
import { renderHeader } from './header';
import { renderIndicators } from './indicators';
import { renderMilestones } from './milestones';
import { renderNoteForm } from './notes';
import { renderPeople } from './people';
import { renderSla } from './slaList';
import { renderChecklists, renderStepper } from './stages';
import { renderTimeline } from './timeline';

export function renderPage(ctx: RenderContext): Node[] {
  return [
    renderBanners(ctx),
    renderHeader(ctx),
    renderStepper(ctx),
    h('div', { class: 'layout' },
      h('div', { class: 'main-column' },
        renderChecklists(ctx),
        renderNoteForm(ctx),
        renderFields(ctx),
        renderIndicators(ctx),
        renderDecisions(ctx)),
      h('aside', { class: 'side-column', 'aria-label': 'Clock, people and record' },
        renderSla(ctx),
        renderPeople(ctx),
        renderMilestones(ctx),
        renderTimeline(ctx),
        renderEvidence(ctx))),
  ];
}
