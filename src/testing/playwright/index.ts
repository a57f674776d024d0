/**
 * `ssks-2mr-kit/testing/playwright`: end-to-end helpers for an app's own Playwright tests — read the
 * code the emulator "sent", and type it into the code field.
 */
export { readLatestCode } from './readLatestCode'
export type { ReadLatestCodeOptions } from './readLatestCode'
export { enterCode } from './enterCode'
export type { EnterCodeOptions, PageLike } from './enterCode'
