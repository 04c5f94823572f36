// Action items of postmortem.md that name a runbook step (`runbook-id#step-id`, as the template
// asks): each can propose a change to that runbook (PRODUCT.md §6).
import { isSafeName } from '../incident/ids';

export interface ActionItemLink {
  /** 0-based line of the action item. */
  readonly line: number;
  readonly runbook: string;
  readonly step: string;
}

const SECTION = /^## Action items\s*$/;
const ITEM = /^\s*[-*] \[[ xX]\] /;
const STEP_REFERENCE = /`([a-z0-9][a-z0-9._-]*)#([a-z0-9][a-z0-9._-]*)`/g;

/** Every `runbook-id#step-id` named in a checklist item of the "Action items" section, in order. */
export function actionItemLinks(postmortem: string): ActionItemLink[] {
  const links: ActionItemLink[] = [];
  let inSection = false;
  postmortem.split(/\r?\n/).forEach((text, line) => {
    if (/^#{1,2} /.test(text)) inSection = SECTION.test(text);
    if (!inSection || !ITEM.test(text)) return;
    for (const match of text.matchAll(STEP_REFERENCE)) {
      const [, runbook, step] = match;
      if (isSafeName(runbook!) && isSafeName(step!)) links.push({ line, runbook: runbook!, step: step! });
    }
  });
  return links;
}
