/** `a || b` as one fresh `Uint8Array` of this realm (what `Buffer.concat` does, without Buffer). */
export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}
