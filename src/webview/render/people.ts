// Roles (with the assign form) and the escalation contacts at the current severity.
import { empty, h, icon, section } from '../dom';
import type { RenderContext } from './context';
import { intentForm, select, textInput } from './forms';

export function renderPeople(ctx: RenderContext): HTMLElement {
  const { roles, escalation } = ctx.view;
  return section('people', 'Roles', 'person',
    roles.length
      ? h('dl', { class: 'pairs' }, ...roles.flatMap((r) => [
        h('dt', {}, r.role),
        h('dd', { class: r.person ? '' : 'muted' }, r.person ?? 'unassigned'),
      ]))
      : empty('No roles in this runbook.'),
    roles.length ? assignForm(ctx) : null,
    h('h3', {}, icon('megaphone'), 'Escalation'),
    escalation.length ? h('ul', { class: 'plain' }, ...escalation.map((contact) => h('li', {}, contact))) : empty('No escalation contacts at this severity.'));
}

function assignForm(ctx: RenderContext): HTMLFormElement {
  const key = 'assign';
  return intentForm({
    key,
    label: 'Assign a role',
    controls: [
      h('div', { class: 'row' },
        select(key, 'role', 'Role', ctx.view.roles.map((r) => ({ value: r.role, text: r.role }))),
        textInput(key, 'person', 'Person', { required: true, placeholder: 'Name or email' })),
    ],
    submitLabel: 'Assign',
    submitIcon: 'person-add',
    onSubmit: (values) => {
      const role = values.get('role');
      const person = values.get('person');
      if (!role || !person) return false;
      ctx.send({ type: 'assignRole', role, person });
      return true;
    },
  });
}
