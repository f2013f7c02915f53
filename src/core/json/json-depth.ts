/**
 * How deeply a JSON text nests, read without parsing it: deep nesting is cheap to send and
 * expensive to receive (JSON.stringify, schema validation and prototype-poisoning scans all
 * recurse), so bodies are measured before they are parsed. Brackets inside strings do not
 * count; the text need not be valid JSON (the parser judges that afterwards).
 */

/** Request bodies and webhook payloads never nest anywhere near this deep. */
export const MAX_JSON_DEPTH = 64;

/** True when the text nests deeper than `max` arrays/objects at some point. */
export function nestsDeeperThan(text: string, max: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}
