/** The Buffer class of a Seald SDK instance: what its `importIdentity` accepts (`Buffer.isBuffer`). */
export interface SDKBufferClass {
  from(bytes: Uint8Array): Uint8Array
  isBuffer(value: unknown): boolean
}

/**
 * Finds the Buffer class the SDK checks with: the browser build bundles a Buffer polyfill that is
 * not global, and `sscrypto.utils.randomBytes(0)` is an instance of it; Node's global Buffer
 * otherwise. `undefined` when neither exists (plain bytes are then all there is). Nothing is
 * imported, so no layer ships a Buffer polyfill of its own.
 */
export function sdkBufferClass(sdk: { sscrypto?: unknown }): SDKBufferClass | undefined {
  let sample: { constructor?: unknown } | undefined
  try {
    const sscrypto = sdk.sscrypto as { utils?: { randomBytes?: (size: number) => unknown } } | undefined
    sample = sscrypto?.utils?.randomBytes?.(0) as { constructor?: unknown } | undefined
  } catch {
    // no usable sample: fall back to the global Buffer
  }
  for (const candidate of [sample?.constructor, (globalThis as { Buffer?: unknown }).Buffer]) {
    const ctor = candidate as Partial<SDKBufferClass> | undefined
    if (typeof ctor?.from === 'function' && typeof ctor.isBuffer === 'function') return ctor as SDKBufferClass
  }
  return undefined
}
