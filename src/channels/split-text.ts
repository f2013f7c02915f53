/** Splits long text into parts no longer than a provider's limit, preferring line and word breaks. */
export function splitText(text: string, maxLength: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > maxLength) {
    let cut = bestBreak(rest, maxLength);
    // Never split a UTF-16 surrogate pair (emoji would become two broken characters).
    if (isHighSurrogate(rest.charCodeAt(cut - 1))) cut -= 1;
    const part = rest.slice(0, cut).trimEnd();
    if (part) parts.push(part); // a run of blanks is not worth a message
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}

function bestBreak(text: string, maxLength: number): number {
  const window = text.slice(0, maxLength + 1);
  for (const separator of ['\n\n', '\n', '. ', ' ']) {
    const at = window.lastIndexOf(separator);
    // A break in the first half would leave tiny parts; cut hard instead.
    if (at >= maxLength / 2) return Math.min(at + separator.length, maxLength);
  }
  return maxLength;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
