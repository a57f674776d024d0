/**
 * Where the plugin runs, for picking the fastest primitives (measured by `npm run bench`).
 * Node (and runtimes that run the SDK's Node build: Bun, Deno) report `process.versions.node`;
 * React Native reports `navigator.product === 'ReactNative'`; anything else is a browser.
 */
export type Platform = 'node' | 'react-native' | 'browser'

export function detectPlatform(): Platform {
  const host = globalThis as { process?: { versions?: { node?: unknown } }; navigator?: { product?: unknown } }
  // React Native first: some apps polyfill `process` there.
  if (host.navigator?.product === 'ReactNative') return 'react-native'
  if (typeof host.process?.versions?.node === 'string') return 'node'
  return 'browser'
}
