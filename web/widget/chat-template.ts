// Static markup of the widget. Only constant strings go through innerHTML here; anything
// a person typed (and the title attribute) is set later with textContent.

const icon = (path: string): string =>
  `<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${path}</svg>`;

const chatIcon = icon('<path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z"/>');
const closeIcon = icon('<path d="M18 6 6 18M6 6l12 12"/>');
const personIcon = icon('<circle cx="12" cy="8" r="4"/><path d="M4 21a8 8 0 0 1 16 0"/>');
const clipIcon = icon(
  '<path d="m21 11-8.6 8.6a5.5 5.5 0 0 1-7.8-7.8l8.6-8.6a3.7 3.7 0 0 1 5.2 5.2l-8.6 8.6a1.8 1.8 0 0 1-2.6-2.6L15 6.6"/>',
);
const smileIcon = icon(
  '<circle cx="12" cy="12" r="9"/><path d="M8.5 14.5a4 4 0 0 0 7 0M9 9.5h.01M15 9.5h.01"/>',
);
const sendIcon = icon('<path d="m22 2-7 20-4-9-9-4z"/><path d="M22 2 11 13"/>');

// Every word is set by the element from the catalogue (baton-chat.ts, renderWords), in the
// visitor's language. The header is a <div>, not a <header>: inside the host page a
// <header> would add a second banner landmark to a page that has its own.
export const template = `
<button class="launcher" type="button" aria-expanded="false" aria-controls="panel">
  ${chatIcon}<span class="sr-only launcher-label"></span><span class="unread" hidden></span>
</button>
<section class="panel" id="panel" role="dialog" aria-labelledby="title" hidden>
  <div class="header">
    <div class="avatar">${chatIcon}<span class="avatar-initial" aria-hidden="true" hidden></span><img class="avatar-photo" alt="" hidden></div>
    <div class="heading">
      <h2 class="title" id="title"></h2>
      <p class="subtitle"></p>
    </div>
    <button class="close" type="button">${closeIcon}</button>
  </div>
  <p class="connection" role="status" hidden></p>
  <div class="log" role="log" aria-live="polite" aria-relevant="additions" tabindex="0"><ol class="rows"></ol></div>
  <p class="typing" aria-live="polite" hidden></p>
  <form class="prechat" novalidate hidden></form>
  <div class="handoff">
    <button class="human" type="button">${personIcon}<span class="human-label"></span></button>
    <p class="status" role="status" hidden><span class="dot" aria-hidden="true"></span><span class="status-text"></span></p>
    <button class="restart" type="button" hidden></button>
  </div>
  <div class="emoji-grid" id="emoji-grid" role="group" hidden></div>
  <form class="composer" novalidate>
    <button class="attach" type="button">${clipIcon}</button>
    <input class="file" type="file" accept="image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain" hidden>
    <label class="sr-only input-label" for="input"></label>
    <textarea id="input" rows="1" aria-describedby="composer-error"></textarea>
    <button class="attach emoji-button" type="button" aria-expanded="false" aria-controls="emoji-grid">${smileIcon}</button>
    <button class="send" type="submit">${sendIcon}</button>
  </form>
  <p class="composer-error" id="composer-error" role="alert"></p>
  <div class="transcript-box" hidden>
    <button class="transcript-open" type="button" aria-expanded="false" aria-controls="transcript-form"></button>
    <form class="transcript" id="transcript-form" novalidate hidden>
      <label class="transcript-label" for="transcript-email"></label>
      <input id="transcript-email" type="email" autocomplete="email" required maxlength="320" aria-describedby="transcript-note">
      <button class="transcript-send" type="submit"></button>
      <button class="transcript-cancel" type="button"></button>
    </form>
    <p class="transcript-note" id="transcript-note" role="status"></p>
  </div>
  <p class="footer"></p>
</section>
`;
