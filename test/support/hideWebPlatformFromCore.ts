/**
 * Setup of the `no-webcrypto` project: the plugin runs as on React Native's Hermes, where there
 * is no `crypto.subtle`, no `AbortSignal.any` and no `AbortSignal.timeout`, and `navigator.product`
 * is 'ReactNative'. The three are hidden from every call made from src/core (and what it calls
 * synchronously, such as ky), through getters that look at the caller's stack; the emulator and
 * the back-end helper, which play Seald's servers in the same process, keep them.
 */
const fromCore = () => /[/\\]src[/\\]core[/\\]/.test(new Error().stack ?? '')

function hide<T extends object>(owner: T, key: string) {
  const original = (owner as Record<string, unknown>)[key]
  Object.defineProperty(owner, key, { configurable: true, get: () => (fromCore() ? undefined : original) })
}

hide(globalThis.crypto, 'subtle')
hide(AbortSignal, 'any')
hide(AbortSignal, 'timeout')
Object.defineProperty(globalThis, 'navigator', { configurable: true, value: { product: 'ReactNative' } })
