/**
 * The official SDK's `encodePassword`: UTF-8 of the NFKC form. NFKC, not NFC, so `ﬁ` and `fi`,
 * or fullwidth and ASCII letters, derive the same key (ssks-protocol.md §7.1). No trimming, no
 * case folding. Lone surrogates become U+FFFD, as with Node's `Buffer.from(s, 'utf8')`.
 */
export function encodeText(text: string): Uint8Array {
  return new TextEncoder().encode(text.normalize('NFKC'))
}
