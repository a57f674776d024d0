/**
 * The platform's WebCrypto (every evergreen browser in a secure context, Node ≥ 20), looked up
 * at call time so nothing runs at import. Plain-HTTP pages have no `crypto.subtle`: say so.
 */
export function subtle(): SubtleCrypto {
  const subtle = globalThis.crypto?.subtle
  if (!subtle) throw new Error('No WebCrypto (crypto.subtle): use HTTPS or Node ≥ 20')
  return subtle
}
