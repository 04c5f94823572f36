// Checkboxes and the severity select change as soon as they are used (the host records the
// intent meanwhile). When the host's next state does not follow (refused, or changed elsewhere),
// the part may not be rebuilt, so these controls are set back to what the view says.
import type { DashboardView } from '../../shared/dashboardProtocol';

export function syncControlsToView(root: HTMLElement, view: DashboardView): void {
  const checked = new Map(view.stages.flatMap((stage) => stage.steps.map((step) => [step.id, step.state === 'checked'] as const)));
  for (const row of root.querySelectorAll<HTMLElement>('[data-step-id]')) {
    const checkbox = row.querySelector<HTMLInputElement>('input[type="checkbox"]');
    const expected = checked.get(row.dataset.stepId ?? '');
    if (checkbox && expected !== undefined) checkbox.checked = expected;
  }
  const severity = root.querySelector<HTMLSelectElement>('#severity');
  if (severity) severity.value = view.incident.severity;
}
