/**
 * Browser-safe entry of the emulator: the in-process fetch handler only (no Node server, no file
 * persistence), for Storybook and browser tests.
 */
export { createEmulator } from './createEmulator'
export type * from './types'
