/**
 * Largest SSKS answer the plugin reads: 4 MiB. A backup is a few KB (an exported identity plus
 * 48 bytes of salt, IV and MAC, in base64), so this leaves room for identities with many old
 * keys while a hostile or broken server cannot make the page buffer tens of megabytes.
 */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024

/** Thrown when an answer is over {@link MAX_ANSWER_BYTES}; the caller words the message. */
export class AnswerTooLarge extends Error {}

/**
 * Reads `response`'s body as UTF-8 text, refusing a declared or actual size over `limit` and
 * cancelling the stream at once so the rest is never downloaded. `onReader` hands the caller a
 * way to cancel the read (a deadline does, since a custom fetch may ignore its signal).
 */
export async function readAnswerText(
  response: Response,
  limit: number,
  onCancel: (cancel: () => void) => void,
): Promise<string> {
  const declared = Number(response.headers.get('content-length'))
  if (declared > limit) {
    void response.body?.cancel().catch(() => {})
    throw new AnswerTooLarge()
  }
  // React Native's fetch has no body stream (nor always a TextDecoder): the whole text, then the size.
  if (!response.body || typeof TextDecoder !== 'function') {
    const text = await response.text()
    if (text.length > limit) throw new AnswerTooLarge()
    return text
  }
  const reader = response.body.getReader()
  onCancel(() => void reader.cancel().catch(() => {}))
  const decoder = new TextDecoder()
  let text = ''
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return text + decoder.decode()
    size += value.byteLength
    if (size > limit) {
      void reader.cancel().catch(() => {})
      throw new AnswerTooLarge()
    }
    text += decoder.decode(value, { stream: true })
  }
}
