/**
 * `ssks-2mr-kit/emulator`: a local SSKS for development and tests.
 * - `createEmulator(opts)`: in-process fetch handler (browser-safe; also at `src/emulator/browser.ts`)
 * - `startEmulator(opts)`: the same over HTTP on 127.0.0.1 (Node)
 * - bin `ssks-emulator` (src/emulator/cli.ts)
 */
export { createEmulator, formatOutboxLine } from './createEmulator'
export { startEmulator } from './startEmulator'
export { createFileStorage } from './createFileStorage'
export { FAKE_OTP_CHALLENGE } from './routes/challengeSend'
export type * from './types'
