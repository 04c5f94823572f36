// The Mermaid `gantt` of stage durations that Git hosts draw inside postmortem.md.
import type { IncidentState } from '../incident';
import { missedSlaStages } from './slaMisses';
import { stageSpans } from './stageSpans';

// Words the gantt lexer reads as statements at the start of a line (case-insensitive): a task
// named like one would be parsed as that statement instead.
const KEYWORDS = /^(gantt|dateformat|axisformat|tickinterval|includes|excludes|todaymarker|inclusiveenddates|topaxis|title|section|click|call|href|acctitle|accdescr|weekday|weekend)/i;

/** A stage title as a gantt task or section name: one line, without `:` `#` `;` `%` and never a keyword. */
export function ganttLabel(title: string, fallback: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = title.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/[:#;%{}<>]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80).trim();
  const label = cleaned === '' ? fallback : cleaned;
  return KEYWORDS.test(label) ? `Stage ${label}` : label;
}

/** `2026-11-28T10:15:00.000Z` → `2026-11-28T10:15:00` (the chart's `dateFormat`, read as UTC by the title). */
function ganttTime(iso: string): string {
  return new Date(Date.parse(iso)).toISOString().slice(0, 19);
}

/** A fenced ```mermaid block: one section and one task per stage the incident reached. */
export function stageGantt(state: IncidentState): string {
  const lines = ['```mermaid', 'gantt', `    title Stage durations (UTC)`, '    dateFormat YYYY-MM-DDTHH:mm:ss', '    axisFormat %m-%d %H:%M'];
  const missed = new Set(missedSlaStages(state));
  const spans = stageSpans(state);
  if (spans.length === 0) lines.push('    section No stage yet', '    Not started :milestone, s0, 2000-01-01T00:00:00, 0s');
  spans.forEach((span, index) => {
    const label = ganttLabel(span.title, span.stage);
    const start = ganttTime(span.start);
    const end = ganttTime(span.end);
    const tags = [span.completed ? 'done' : 'active', ...(missed.has(span.stage) ? ['crit'] : [])];
    lines.push(`    section ${label}`);
    if (start === end) lines.push(`    ${label} :milestone, ${tags.join(', ')}, s${index}, ${start}, 0s`);
    else lines.push(`    ${label} :${tags.join(', ')}, s${index}, ${start}, ${end}`);
  });
  lines.push('```');
  return `${lines.join('\n')}\n`;
}
