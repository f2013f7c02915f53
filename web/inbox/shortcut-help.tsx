// The "?" overlay listing the keyboard shortcuts. A modal dialog: focus moves into it and
// Escape or the button closes it.

import { useEffect, useRef } from 'preact/hooks';
import { SHORTCUTS } from './use-shortcuts.ts';

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div class="overlay" onClick={onClose}>
      <div
        class="shortcut-help"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcut-title"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || e.key === '?') {
            e.preventDefault();
            onClose();
          }
        }}
      >
        <h2 id="shortcut-title">Keyboard shortcuts</h2>
        <dl>
          {SHORTCUTS.map((s) => (
            <div key={s.keys}>
              <dt>
                <kbd>{s.keys}</kbd>
              </dt>
              <dd>{s.does}</dd>
            </div>
          ))}
        </dl>
        <button ref={close} type="button" class="button button--primary" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
