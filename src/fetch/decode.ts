/**
 * @module fetch/decode — bytes to text with the right charset. Order: byte-order mark, then the
 * HTTP `charset`, then the document's own declaration (XML declaration; `<meta>` for HTML), then a
 * default (UTF-8 for XML and JSON; for HTML UTF-8 when the bytes are valid UTF-8, else windows-1252).
 * Invalid byte sequences become U+FFFD; decoding never throws.
 */
import { isUtf8 } from 'node:buffer';
import { ResultType, Sniffer } from 'encoding-sniffer/sniffer';

/** Bytes of the document searched for a declaration (`<meta>` may sit behind a long `<head>`). */
const SNIFF_BYTES = 4096;

/** Labels servers send for single-byte Western text; often wrong when the bytes are really UTF-8. */
const LEGACY_WESTERN = new Set(['iso-8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'windows-1252', 'cp1252', 'iso8859-1', 'iso_8859-1']);

/** What kind of document the bytes hold; decides which declarations count. */
export type TextKind = 'html' | 'xml' | 'json';

/** The `charset` parameter of a Content-Type header, lower-cased, or null. */
export function charsetFromContentType(contentType: string | null): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return m?.[1] ? m[1].toLowerCase() : null;
}

/**
 * windows-1252 bytes 0x80–0x9F (WHATWG Encoding index). Node 20's TextDecoder decodes
 * windows-1252 (and its aliases latin1, iso-8859-1, us-ascii) as ISO-8859-1, leaving these as C1
 * controls; we map them ourselves. 0 marks the five undefined bytes, which stay as U+0080-style controls.
 */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Something that turns bytes into text. */
interface Decoder {
  decode(input: Uint8Array): string;
}

const windows1252: Decoder = {
  decode: (input) =>
    Buffer.from(input.buffer, input.byteOffset, input.byteLength)
      .toString('latin1')
      .replace(/[\u0080-\u009f]/g, (c) => {
        const mapped = CP1252_HIGH[c.charCodeAt(0) - 0x80];
        return mapped ? String.fromCharCode(mapped) : c;
      }),
};

/** A decoder for `label`, or null when the label is unknown. */
function decoderFor(label: string): Decoder | null {
  try {
    const decoder = new TextDecoder(label, { fatal: false });
    return decoder.encoding === 'windows-1252' ? windows1252 : decoder;
  } catch {
    return null;
  }
}

function bomEncoding(body: Buffer): string | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  return null;
}

/** The encoding the document declares for itself, or null. */
function declaredEncoding(body: Buffer, kind: TextKind): string | null {
  if (kind === 'json') return null;
  const sniffer = new Sniffer({ maxBytes: SNIFF_BYTES });
  sniffer.write(body.subarray(0, SNIFF_BYTES));
  const accepted =
    kind === 'xml'
      ? sniffer.resultType === ResultType.XML_ENCODING || sniffer.resultType === ResultType.XML_PREFIX
      : sniffer.resultType === ResultType.META_TAG || sniffer.resultType === ResultType.XML_ENCODING;
  return accepted ? sniffer.encoding : null;
}

/** Choose the encoding label for `body`. */
export function chooseEncoding(body: Buffer, contentType: string | null, kind: TextKind): string {
  const bom = bomEncoding(body);
  if (bom) return bom;
  const header = charsetFromContentType(contentType);
  if (header && decoderFor(header)) {
    // A server claiming Latin-1 for bytes that are valid, non-ASCII UTF-8 is almost always wrong.
    if (LEGACY_WESTERN.has(header) && isUtf8(body) && body.some((b) => b >= 0x80)) return 'utf-8';
    return header;
  }
  const declared = declaredEncoding(body, kind);
  if (declared && decoderFor(declared)) return declared;
  if (kind !== 'html' || isUtf8(body)) return 'utf-8';
  return 'windows-1252';
}

/**
 * Decode a fetched body to text.
 * @param body raw (already decompressed) bytes
 * @param contentType the response Content-Type header, if any
 * @param kind 'html' | 'xml' | 'json' — which in-document declarations apply
 */
export function decodeText(body: Buffer, contentType: string | null, kind: TextKind): string {
  const decoder = decoderFor(chooseEncoding(body, contentType, kind)) ?? new TextDecoder('utf-8');
  // TextDecoder drops a leading BOM that matches its encoding (windows-1252 has none).
  return decoder.decode(body);
}
