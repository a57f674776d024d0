import type { AuthFactor } from '../src/core/protocol'
import type { RunningEmulator } from '../src/emulator/types'
import { createSSKSBackend } from '../src/server/index'

/** The app back-end's part (not timed): challenge_send creating the user; the code comes from the outbox. */
export async function startBenchSession(
  emulator: RunningEmulator,
  userId: string,
  authFactor: AuthFactor,
  forceAuth = false,
) {
  const backend = createSSKSBackend({ keyStorageURL: emulator.url, appId: emulator.appId, apiKey: emulator.apiKey })
  const { sessionId } = await backend.challengeSend({ userId, authFactor, createUser: true, forceAuth })
  const challenge = emulator
    .outbox()
    .filter((entry) => entry.sessionId === sessionId)
    .at(-1)?.challenge
  return { sessionId, challenge }
}
