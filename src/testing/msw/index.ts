/** `ssks-2mr-kit/testing/msw`: msw 2.x handlers answered by the in-process SSKS emulator. Needs `msw` installed. */
export { createSSKSHandlers } from './createSSKSHandlers'
export type { SSKSHandlers, SSKSHandlersOptions } from './createSSKSHandlers'
