/**
 * The Seald packages are CommonJS with `exports.default`. Depending on the loader (Node ESM,
 * Vite SSR interop) a default import is the function itself or `{ default: fn }`.
 */
export function unwrapDefault<T>(imported: unknown): T {
  const inner = (imported as { default?: unknown }).default
  return (typeof imported === 'function' ? imported : inner) as T
}
