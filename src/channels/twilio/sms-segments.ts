/**
 * SMS length rules. GSM-7 text fits 160 septets in one segment (153 when concatenated, the
 * rest is the UDH header); extension-table characters take two septets. Anything outside
 * GSM-7 makes the whole message UCS-2: 70 UTF-16 units, 67 per concatenated segment.
 * A character's units never straddle two segments (escape pairs, surrogate pairs).
 */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsLength {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

const LIMITS: Record<SmsEncoding, { single: number; multi: number }> = {
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
};

export function smsEncodingOf(text: string): SmsEncoding {
  for (const char of text) if (!GSM_BASIC.has(char) && !GSM_EXTENSION.has(char)) return 'UCS-2';
  return 'GSM-7';
}

export function countSmsSegments(text: string): SmsLength {
  const encoding = smsEncodingOf(text);
  const sizes = [...text].map((char) =>
    encoding === 'UCS-2' ? char.length : GSM_EXTENSION.has(char) ? 2 : 1,
  );
  const units = sizes.reduce((sum, size) => sum + size, 0);
  const { single, multi } = LIMITS[encoding];
  if (units <= single) return { encoding, units, segments: units === 0 ? 0 : 1 };
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > multi) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return { encoding, units, segments };
}

/** Twilio refuses bodies over 1,600 characters. */
export const TWILIO_BODY_LIMIT = 1600;

/**
 * Splits text into message bodies of at most `maxSegments` segments each (Twilio sends each
 * body as one concatenated SMS), breaking at whitespace where possible.
 */
export function splitSms(text: string, maxSegments: number): string[] {
  const bodies: string[] = [];
  let rest = [...text];
  while (rest.length > 0) {
    let low = 1;
    let high = Math.min(rest.length, TWILIO_BODY_LIMIT);
    // Longest prefix (in code points) that fits: segment count only grows with length.
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (fits(rest.slice(0, mid).join(''), maxSegments)) low = mid;
      else high = mid - 1;
    }
    let cut = low;
    if (cut < rest.length) {
      const space = rest.slice(0, cut + 1).lastIndexOf(' ');
      if (space >= cut / 2) cut = Math.max(space, 1);
    }
    const body = rest.slice(0, cut).join('').trim();
    if (body) bodies.push(body);
    rest = rest.slice(cut);
  }
  return bodies.length > 0 ? bodies : [''];
}

function fits(body: string, maxSegments: number): boolean {
  return body.length <= TWILIO_BODY_LIMIT && countSmsSegments(body).segments <= maxSegments;
}
