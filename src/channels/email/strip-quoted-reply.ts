/**
 * The new part of an email reply, without the quoted history mail clients append. Heuristic,
 * as every help desk's is: cut at the first attribution line ("On … wrote:" in the languages
 * Baton speaks), an "Original Message" separator or a forwarded header block, and drop a
 * trailing `>`-quoted block and the signature after "-- ". When the cut would leave nothing,
 * the whole text is kept: losing the customer's words is worse than showing a quote.
 */

/** Lines that introduce quoted history in common clients (Gmail, Outlook, Apple Mail, Thunderbird). */
const ATTRIBUTION = [
  /^On .{1,200}wrote:\s*$/i, // Gmail, Apple Mail, Thunderbird (en)
  /^El .{1,200}escribió:\s*$/i, // es
  /^Am .{1,200}schrieb .{0,200}:\s*$/i, // de
  /^Le .{1,200}a écrit\s*:\s*$/i, // fr
  /^Em .{1,200}escreveu:\s*$/i, // pt
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Mensaje original|Message d'origine|Mensagem original)\s*-{2,}\s*$/i,
  /^_{10,}\s*$/, // Outlook's rule before "From: …"
];

/** Outlook starts the history with a header block: "From: …" then "Sent:"/"Date:"/"To:". */
const HEADER_FROM = /^(From|De|Von):\s.+$/i;
const HEADER_NEXT =
  /^(Sent|Date|To|Subject|Enviado|Fecha|Para|Gesendet|Datum|An|Envoyé|Date|À|Data):\s/i;

export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    // Gmail wraps long attributions: "On Sun, 22 Nov 2026 at 09:58, Acme <x@y>\nwrote:".
    const joined = `${line} ${(lines[i + 1] ?? '').trim()}`;
    if (ATTRIBUTION.some((pattern) => pattern.test(line))) {
      end = i;
      break;
    }
    if (/^On .{1,200}$/i.test(line) && /^On .{1,300}wrote:\s*$/i.test(joined)) {
      end = i;
      break;
    }
    if (HEADER_FROM.test(line) && HEADER_NEXT.test((lines[i + 1] ?? '').trim())) {
      end = i;
      break;
    }
    if (line === '--') {
      end = i; // the signature separator ("-- "), trimmed
      break;
    }
  }
  const kept = lines.slice(0, end);
  // A quoted block at the end (bottom-posting clients quote the whole history with ">").
  while (kept.length > 0 && /^\s*(>.*)?$/.test(kept.at(-1) ?? '')) kept.pop();
  const result = kept.join('\n').trim();
  return result || text.trim();
}
