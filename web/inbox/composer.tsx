// Reply box for a conversation assigned to this agent. Enter sends, Shift+Enter adds a
// line; the length limit is enforced here before the server has to refuse it.

import { useRef, useState } from 'preact/hooks';
import { MAX_MESSAGE_LENGTH } from '../shared/api-types.ts';

const format = new Intl.NumberFormat('en');

export function Composer({ onSend }: { onSend: (text: string) => void }) {
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const tooLong = text.length > MAX_MESSAGE_LENGTH;
  const nearLimit = text.length > MAX_MESSAGE_LENGTH * 0.9;

  const submit = (): void => {
    const value = text.trim();
    if (!value || tooLong) return;
    onSend(value);
    setText('');
    input.current?.focus();
  };

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label class="sr-only" for="reply">
        Reply to the customer
      </label>
      <textarea
        id="reply"
        ref={input}
        rows={3}
        placeholder="Write a reply…  (Enter to send, Shift+Enter for a new line)"
        value={text}
        aria-invalid={tooLong}
        aria-describedby="reply-hint"
        onInput={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            submit();
          }
        }}
      />
      <div class="composer-bar">
        <span id="reply-hint" class={`hint${tooLong ? ' hint--error' : ''}`} role="status">
          {tooLong
            ? `Too long: ${format.format(text.length)} of ${format.format(MAX_MESSAGE_LENGTH)} characters`
            : nearLimit
              ? `${format.format(MAX_MESSAGE_LENGTH - text.length)} characters left`
              : ''}
        </span>
        <button class="button button--primary" type="submit" disabled={!text.trim() || tooLong}>
          Send
        </button>
      </div>
    </form>
  );
}
