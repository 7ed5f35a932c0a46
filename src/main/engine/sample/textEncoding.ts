/**
 * Byte encodings the sample's exports are written in. Windows-1252 is what a CX platform's
 * "Excel-friendly" CSV on Windows gives: Latin-1 except bytes 0x80-0x9F, which hold the euro
 * sign, curly quotes, dashes and so on. Node has no Windows-1252 encoder, hence this table.
 */
export type SampleEncoding = 'utf8' | 'utf8-bom' | 'windows-1252';

const CP1252_HIGH: readonly number[] = [
  0x20ac, -1, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, -1, 0x017d, -1, -1, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, -1, 0x017e, 0x0178,
];

const TO_CP1252 = new Map<number, number>(
  CP1252_HIGH.flatMap((codePoint, i) => (codePoint < 0 ? [] : [[codePoint, 0x80 + i]])),
);

export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Encodes text as Windows-1252; throws on a character the code page cannot hold. */
export function encodeWindows1252(text: string): Buffer {
  const bytes = Buffer.allocUnsafe(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) {
      bytes[i] = code;
      continue;
    }
    const mapped = TO_CP1252.get(code);
    if (mapped === undefined) {
      throw new RangeError(
        `U+${code.toString(16).toUpperCase().padStart(4, '0')} cannot be written in Windows-1252`,
      );
    }
    bytes[i] = mapped;
  }
  return bytes;
}

export function encodeText(text: string, encoding: SampleEncoding): Buffer {
  return encoding === 'windows-1252' ? encodeWindows1252(text) : Buffer.from(text, 'utf8');
}
