// Add a note (the e2e tests use #note-text and #note-add).
import { h, section } from '../dom';
import type { RenderContext } from './context';
import { intentForm, textArea } from './forms';

export function renderNoteForm(ctx: RenderContext): HTMLElement {
  const key = 'note';
  return section('notes', 'Add note', 'comment',
    intentForm({
      key,
      label: 'Add a note',
      controls: [textArea(key, 'text', 'Note', { id: 'note-text', required: true, placeholder: 'What happened, what you found… (Ctrl+Enter adds)' })],
      submitLabel: 'Add note',
      submitIcon: 'add',
      submitId: 'note-add',
      onSubmit: (values) => {
        const text = values.get('text');
        if (!text) return false;
        ctx.send({ type: 'addNote', text });
        return true;
      },
    }),
    h('p', { class: 'hint' }, 'Notes are committed to the incident record; do not paste secrets.'));
}
