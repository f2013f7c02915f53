// The composer's emoji button: a short fixed grid (no library, the widget stays small). The
// button opens it, Tab and the arrow keys move through it, Escape closes it (the panel stays
// open), and a pick is inserted at the caret as plain text.

const EMOJI = '😀 😂 😊 😍 🙂 😉 😢 😮 🤔 😅 😡 🙏 👍 👎 👏 🙌 👋 💪 🎉 ❤️ 🔥 ✅ ⭐ 👀'.split(' ');
/** Buttons per row: Up and Down move by this much. */
const COLUMNS = 6;

export function wireEmojiPicker(
  button: HTMLButtonElement,
  grid: HTMLElement,
  input: HTMLTextAreaElement,
): void {
  const cells = EMOJI.map((emoji) => {
    const cell = document.createElement('button');
    cell.type = 'button';
    cell.className = 'emoji';
    cell.textContent = emoji;
    cell.addEventListener('click', () => {
      input.setRangeText(emoji, input.selectionStart, input.selectionEnd, 'end');
      // The same path as typing: validation and the typing report see it.
      input.dispatchEvent(new Event('input'));
      show(false);
      input.focus();
    });
    return cell;
  });
  grid.replaceChildren(...cells);
  const show = (open: boolean) => {
    grid.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  };
  button.addEventListener('click', () => {
    show(grid.hidden);
    if (!grid.hidden) cells[0]?.focus();
  });
  grid.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation(); // closes the grid, not the chat
      show(false);
      button.focus();
      return;
    }
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: COLUMNS, ArrowUp: -COLUMNS }[event.key];
    const at = cells.indexOf(event.target as HTMLButtonElement);
    const next = step === undefined || at < 0 ? undefined : cells[at + step];
    if (!next) return;
    event.preventDefault();
    next.focus();
  });
}
