import type { OutboxEntry } from '../../emulator/types'

export interface ReadLatestCodeOptions {
  /** The running emulator's base URL (`startEmulator().url`, or what `ssks-emulator` printed). */
  emulatorURL: string
  /** Whose code: the `userId` the session was started for. */
  userId: string
  /** Only a code sent after this time (ms since the epoch, emulator clock), e.g. to skip the one a resend replaced. */
  sentAfter?: number
  /** How long to wait for the code to arrive. Default 10 000 ms. */
  timeoutMs?: number
}

const POLL_MS = 100

/**
 * The newest code the emulator "sent" to `userId`, read from `GET /__dev/outbox` over HTTP. Waits
 * (polling) until one arrives: the page asks for the code a moment after the test looks.
 */
export async function readLatestCode({
  emulatorURL,
  userId,
  sentAfter = -Infinity,
  timeoutMs = 10_000,
}: ReadLatestCodeOptions): Promise<string> {
  const url = new URL('/__dev/outbox', emulatorURL)
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const response = await fetch(url, { headers: { accept: 'application/json' } })
    if (!response.ok) throw new Error(`readLatestCode: GET ${url.pathname} answered ${response.status}`)
    const outbox = (await response.json()) as OutboxEntry[]
    const latest = outbox.filter((entry) => entry.userId === userId && entry.sentAt > sentAfter).at(-1)
    if (latest) return latest.challenge
    if (Date.now() >= deadline)
      throw new Error(`readLatestCode: no code sent to user "${userId}" within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}
