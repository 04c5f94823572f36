// The page layout: banners, header, stepper, then a main column (the work) and a side column
// (the clock, the people and the record of what was found and kept). Each part renders into a
// slot of its own, so parts are replaced independently.
import { h } from '../dom';
import type { PartKey } from '../viewParts';
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
import { renderReview } from './review';
import { renderSla } from './slaList';
import { renderChecklists, renderStepper } from './stages';
import { renderTimeline } from './timeline';

export const RENDERERS: Readonly<Record<PartKey, (ctx: RenderContext) => Node>> = {
  banners: renderBanners,
  header: renderHeader,
  stepper: renderStepper,
  checklists: renderChecklists,
  notes: renderNoteForm,
  fields: renderFields,
  indicators: renderIndicators,
  decisions: renderDecisions,
  sla: renderSla,
  people: renderPeople,
  milestones: renderMilestones,
  timeline: renderTimeline,
  evidence: renderEvidence,
  review: renderReview,
};

const TOP: readonly PartKey[] = ['banners', 'header', 'stepper'];
const MAIN: readonly PartKey[] = ['checklists', 'notes', 'fields', 'indicators', 'decisions'];
const SIDE: readonly PartKey[] = ['sla', 'people', 'milestones', 'timeline', 'evidence', 'review'];

/** The empty layout and its slots, one per part. */
export function pageSkeleton(): { nodes: Node[]; slots: ReadonlyMap<PartKey, HTMLElement> } {
  const slots = new Map<PartKey, HTMLElement>();
  const slotsFor = (keys: readonly PartKey[]) => keys.map((key) => {
    const slot = h('div', { class: 'slot', 'data-part': key });
    slots.set(key, slot);
    return slot;
  });
  return {
    nodes: [
      ...slotsFor(TOP),
      h('div', { class: 'layout' },
        h('div', { class: 'main-column' }, ...slotsFor(MAIN)),
        h('aside', { class: 'side-column', 'aria-label': 'Clock, people and record' }, ...slotsFor(SIDE))),
    ],
    slots,
  };
}
