// The widget's stylesheet, scoped by the shadow root so the host page cannot break it
// and it cannot leak into the page. One accent colour, overridable from the page with
// `baton-chat { --baton-accent: … }` (custom properties cross the shadow boundary).

export const styles = `
:host {
  --accent: var(--baton-accent, #4f46e5);
  --accent-ink: var(--baton-accent-ink, #ffffff);
  --ink: #111827;
  --muted: #6b7280;
  --line: #e5e7eb;
  --surface: #ffffff;
  --soft: #f3f4f6;
  --danger: #b91c1c;
  position: fixed;
  right: 20px;
  bottom: 20px;
  z-index: 2147483000;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink);
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
button { font: inherit; cursor: pointer; }
button:focus-visible, textarea:focus-visible, .log:focus-visible {
  outline: 2px solid var(--accent); outline-offset: 2px;
}
.launcher {
  position: relative; display: grid; place-items: center; width: 56px; height: 56px;
  margin-left: auto; border: 0; border-radius: 50%; background: var(--accent); color: var(--accent-ink);
  box-shadow: 0 8px 24px rgba(17, 24, 39, .22); transition: transform .15s ease;
}
.launcher:hover { transform: translateY(-1px) scale(1.03); }
.launcher svg { width: 26px; height: 26px; }
.unread {
  position: absolute; top: 2px; right: 2px; width: 14px; height: 14px; border-radius: 50%;
  background: #ef4444; border: 2px solid #fff;
}
.panel {
  position: absolute; right: 0; bottom: 72px; width: 380px; height: min(600px, calc(100vh - 110px));
  display: flex; flex-direction: column; overflow: hidden; background: var(--surface);
  border-radius: 16px; border: 1px solid rgba(17, 24, 39, .06);
  box-shadow: 0 24px 60px rgba(17, 24, 39, .22), 0 4px 12px rgba(17, 24, 39, .08);
  animation: rise .18s ease-out;
}
@keyframes rise { from { opacity: 0; transform: translateY(8px); } }
.header {
  display: flex; align-items: center; gap: 12px; padding: 16px 16px 14px;
  background: var(--accent); color: var(--accent-ink);
}
.avatar {
  display: grid; place-items: center; flex: none; width: 38px; height: 38px; border-radius: 50%;
  background: rgba(255, 255, 255, .18);
}
.avatar svg { width: 20px; height: 20px; }
.avatar-initial { font-weight: 600; font-size: 16px; }
.avatar-photo { width: 38px; height: 38px; border-radius: 50%; object-fit: cover; }
.heading { flex: 1; min-width: 0; }
.title { margin: 0; font-size: 16px; font-weight: 600; line-height: 1.25; }
.subtitle { margin: 2px 0 0; font-size: 12.5px; opacity: .85; }
.close {
  display: grid; place-items: center; width: 32px; height: 32px; border: 0; border-radius: 8px;
  background: transparent; color: inherit;
}
.close:hover { background: rgba(255, 255, 255, .16); }
.close svg { width: 18px; height: 18px; }
.connection {
  margin: 0; padding: 6px 16px; font-size: 12.5px; color: #92400e; background: #fef3c7;
  border-bottom: 1px solid #fde68a;
}
.typing {
  margin: 0; padding: 2px 16px 6px; font-size: 12.5px; font-style: italic; color: #4b5563;
  background: #fafafa;
}
.log {
  flex: 1; margin: 0; padding: 16px 16px 8px; overflow-y: auto; list-style: none;
  background: #fafafa; scroll-behavior: smooth;
}
.rows { margin: 0; padding: 0; list-style: none; }
.row { display: flex; flex-direction: column; align-items: flex-start; margin-top: 12px; }
.row.is-continued { margin-top: 4px; }
.row.is-continued .meta { display: none; }
.row--customer { align-items: flex-end; }
.meta { display: flex; align-items: center; gap: 6px; margin: 0 4px 4px; font-size: 12px; color: var(--muted); }
.name { font-weight: 600; color: #374151; }
.badge {
  padding: 1px 6px; border-radius: 999px; font-size: 10.5px; font-weight: 600; letter-spacing: .01em;
  color: #4b5563; background: #e5e7eb;
}
.badge--human { color: #065f46; background: #d1fae5; }
.time { font-size: 11px; }
.bubble {
  max-width: 82%; padding: 9px 13px; border-radius: 16px; white-space: pre-wrap;
  overflow-wrap: anywhere; background: var(--surface); border: 1px solid var(--line);
  border-top-left-radius: 6px;
}
.row--customer .bubble {
  color: var(--accent-ink); background: var(--accent); border-color: transparent;
  border-top-left-radius: 16px; border-top-right-radius: 6px;
}
.row--agent .bubble { background: #ecfdf5; border-color: #a7f3d0; }
.bubble--action { font-style: italic; }
.is-pending .bubble { opacity: .7; }
.is-failed .bubble { background: #fee2e2; color: var(--danger); border: 1px solid #fecaca; }
.state { margin: 3px 6px 0; font-size: 11px; color: var(--muted); }
.state:empty { display: none; }
.is-failed .state { color: var(--danger); }
.retry {
  padding: 0; border: 0; background: none; color: var(--accent); font-weight: 600;
  text-decoration: underline;
}
.source { margin: 4px 6px 0; font-size: 11.5px; color: var(--muted); }
.row--system, .row--divider { align-items: center; }
.notice {
  max-width: 92%; margin: 4px 0; padding: 8px 12px; border-radius: 10px; text-align: center;
  font-size: 12.5px; color: #374151; background: #eef2ff; white-space: pre-wrap; overflow-wrap: anywhere;
}
.row--divider { flex-direction: row; gap: 10px; width: 100%; font-size: 12px; color: var(--muted); }
.row--divider::before, .row--divider::after { content: ""; flex: 1; border-top: 1px solid var(--line); }
.handoff {
  display: flex; align-items: center; justify-content: center; gap: 8px; padding: 10px 16px;
  border-top: 1px solid var(--line); background: var(--surface);
}
.human, .restart {
  display: inline-flex; align-items: center; gap: 6px; padding: 7px 14px; border-radius: 999px;
  border: 1px solid var(--line); background: var(--surface); color: var(--ink); font-size: 13px; font-weight: 500;
}
.human:hover, .restart:hover { border-color: var(--accent); color: var(--accent); }
.human:disabled { opacity: .6; cursor: default; }
.human svg { width: 16px; height: 16px; }
.status { display: flex; align-items: center; gap: 8px; margin: 0; font-size: 13px; color: #374151; }
.dot { width: 8px; height: 8px; border-radius: 50%; background: #f59e0b; animation: pulse 1.4s infinite; }
.status.is-joined .dot { background: #10b981; animation: none; }
.status.is-closed .dot { background: #9ca3af; animation: none; }
@keyframes pulse { 50% { opacity: .35; } }
.composer { display: flex; align-items: flex-end; gap: 8px; padding: 10px 12px 6px; background: var(--surface); }
textarea {
  flex: 1; min-height: 42px; max-height: 120px; padding: 9px 12px; resize: none; font: inherit;
  font-size: 16px; /* below 16 px iOS Safari zooms the page when the box gets the focus */
  color: var(--ink); border: 1px solid #d1d5db; border-radius: 12px; background: var(--surface);
}
textarea:focus { border-color: var(--accent); outline: none; box-shadow: 0 0 0 3px color-mix(in srgb, var(--accent) 20%, transparent); }
textarea[aria-invalid="true"] { border-color: var(--danger); }
.send {
  display: grid; place-items: center; flex: none; width: 42px; height: 42px; border: 0;
  border-radius: 12px; background: var(--accent); color: var(--accent-ink);
}
.send:disabled { opacity: .45; cursor: default; }
.attach {
  display: grid; place-items: center; flex: none; width: 44px; height: 44px; border: 0;
  border-radius: 12px; background: none; color: var(--muted);
}
.attach:hover { color: var(--accent); }
.attach svg { width: 20px; height: 20px; }
.emoji-grid { display: grid; grid-template-columns: repeat(6, 1fr); gap: 2px; padding: 6px 12px 0; background: var(--surface); }
.emoji-grid[hidden] { display: none; }
.emoji { height: 38px; border: 0; border-radius: 8px; background: none; font-size: 22px; }
.emoji:hover, .emoji:focus-visible { background: color-mix(in srgb, var(--accent) 12%, transparent); }
/* A fixed height: the row has its size before the picture decodes, so scrolling to the end holds. */
.shot { display: block; height: 160px; max-width: 100%; object-fit: contain; border-radius: 10px; }
.send svg { width: 18px; height: 18px; }
.composer-error { margin: 0; padding: 0 16px; font-size: 12px; color: var(--danger); }
.composer-error:empty { display: none; }
.footer { margin: 0; padding: 4px 16px 10px; font-size: 11px; color: var(--muted); text-align: center; background: var(--surface); }
@media (max-width: 480px) {
  :host { right: 12px; bottom: 12px; }
  .panel { position: fixed; inset: 0; width: auto; height: auto; border-radius: 0; }
  .transcript-open, .transcript-cancel { min-height: 44px; }
}
.choices { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; max-width: 85%; }
.choice {
  padding: 6px 12px; border: 1px solid var(--accent); border-radius: 999px;
  background: var(--surface); color: var(--accent);
}
.choice:hover:not(:disabled) { background: var(--accent); color: var(--accent-ink); }
.choice:disabled { cursor: default; opacity: .55; border-color: var(--line); color: var(--muted); }
.choice[aria-pressed="true"] { opacity: 1; background: var(--soft); color: var(--ink); font-weight: 600; }
.csat { display: grid; gap: 6px; width: 85%; margin-top: 6px; }
.stars { display: flex; gap: 2px; }
.star { border: 0; background: none; font-size: 24px; line-height: 1; color: #d1d5db; padding: 2px; }
.star.is-on { color: #f59e0b; }
.csat-comment { font: inherit; font-size: 16px; padding: 6px 8px; border: 1px solid var(--line); border-radius: 8px; resize: vertical; }
.csat-send {
  justify-self: start; padding: 6px 12px; border: 0; border-radius: 8px;
  background: var(--accent); color: var(--accent-ink);
}
.csat-send:disabled { opacity: .5; cursor: default; }
.csat-note { margin: 0; color: var(--muted); font-size: 12px; }
.prechat {
  flex: 1; display: grid; align-content: start; gap: 8px; overflow-y: auto; padding: 12px 16px;
  border-top: 1px solid var(--line); background: var(--surface);
}
.prechat-intro, .prechat-note { margin: 0; font-size: 13px; color: #374151; }
.field { display: grid; gap: 3px; }
.field label, .transcript-label { font-size: 13px; font-weight: 600; }
.required-mark { color: var(--danger); }
.prechat input, .transcript input {
  font: inherit; font-size: 16px; padding: 8px 10px; color: var(--ink);
  border: 1px solid #6b7280; border-radius: 8px; background: var(--surface);
}
.prechat input[aria-invalid="true"], .transcript input[aria-invalid="true"] { border-color: var(--danger); }
.field-error { margin: 0; font-size: 12px; color: var(--danger); }
.field-error:empty { display: none; }
.prechat-start, .transcript-send {
  justify-self: start; padding: 8px 14px; border: 0; border-radius: 8px;
  background: var(--accent); color: var(--accent-ink); font-weight: 600;
}
.prechat-start:disabled, .transcript-send:disabled { opacity: .5; cursor: default; }
.transcript-box { padding: 0 16px; background: var(--surface); }
.transcript-open, .transcript-cancel {
  padding: 4px 0; border: 0; background: none; color: var(--accent); font-size: 12.5px; text-decoration: underline;
}
.transcript { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; padding: 4px 0; }
.transcript input { flex: 1 1 180px; }
.transcript-note { margin: 0; font-size: 12px; color: #374151; }
.transcript-note:empty { display: none; }
@media (prefers-reduced-motion: reduce) {
  .panel, .dot { animation: none; }
  .log { scroll-behavior: auto; }
}
`;
