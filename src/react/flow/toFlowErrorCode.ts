import type { FlowErrorCode } from './FlowErrorCode'
import { flowMessagesEn } from '../messages/flowMessagesEn'

const FETCH_FAILURE = /fetch|network|load failed/i

/**
 * The code a flow shows a message for: one of the codes the messages have a text for. Reads
 * `error.code` rather than `instanceof`: errors may come from another copy of the kit (ESM and
 * CJS builds) or from the app's `startSession`, which can rethrow the `{ code }` its back-end
 * route answered.
 */
export function toFlowErrorCode(error: unknown): FlowErrorCode {
  if (typeof error === 'object' && error !== null) {
    const { code, name } = error as { code?: unknown; name?: unknown }
    if (typeof code === 'string' && Object.hasOwn(flowMessagesEn.flowErrors, code) && code !== 'UNKNOWN')
      return code as FlowErrorCode
    if (name === 'AbortError') return 'ABORTED'
    if (name === 'TimeoutError') return 'TIMEOUT'
    // fetch() rejects with a TypeError when no HTTP answer arrives (offline, DNS, CORS); its
    // message differs per engine (Chrome, Firefox, Safari, Node). Other TypeErrors are bugs.
    if (error instanceof TypeError && FETCH_FAILURE.test(error.message)) return 'NETWORK'
  }
  return 'UNKNOWN'
}
