// A generated password, shown once: after this box is closed nobody can see it again (the
// server keeps only its hash). Focus moves here so a screen reader announces it.

import { useEffect, useRef, useState } from 'preact/hooks';

export function PasswordOnce(props: { email: string; password: string; onClose: () => void }) {
  const box = useRef<HTMLElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => box.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.password);
      setCopied('Copied to the clipboard.');
    } catch {
      // No clipboard permission (an http:// page, say): select it for Ctrl+C instead.
      field.current?.select();
      setCopied('Selected: press Ctrl+C (⌘C) to copy.');
    }
  };

  return (
    <section
      class="card password-once"
      ref={box}
      tabIndex={-1}
      aria-labelledby="password-once-title"
    >
      <h2 id="password-once-title">Password for {props.email}</h2>
      <p>
        <strong>Shown once.</strong> Copy it now and give it to them privately; Baton stores only a
        hash and cannot show it again (reset it if it is lost).
      </p>
      <div class="password-row">
        <label>
          Password
          <input ref={field} type="text" readOnly value={props.password} class="password-value" />
        </label>
        <button type="button" class="button button--primary" onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" class="button" onClick={props.onClose}>
          Done
        </button>
      </div>
      <p class="muted" aria-live="polite">
        {copied}
      </p>
    </section>
  );
}
