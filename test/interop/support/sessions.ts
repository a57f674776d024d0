import type { AuthFactor } from '../../../src/core/protocol'
import type { RunningEmulator } from '../../../src/emulator/types'
import { createSSKSBackend } from '../../../src/server/createSSKSBackend'

export interface StartedSession {
  sessionId: string
  mustAuthenticate: boolean
  /** The code from the emulator's outbox for this session, when one was sent. */
  challenge: string | undefined
}

/** What the app's back-end does before each front-end operation: challenge_send (creating the user). */
export async function startSession(
  emulator: RunningEmulator,
  userId: string,
  authFactor: AuthFactor,
  extra: { forceAuth?: boolean; fakeOtp?: boolean } = {},
): Promise<StartedSession> {
  const backend = createSSKSBackend({ keyStorageURL: emulator.url, appId: emulator.appId, apiKey: emulator.apiKey })
  const { sessionId, mustAuthenticate } = await backend.challengeSend({
    userId,
    authFactor,
    createUser: true,
    ...extra,
  })
  const sent = emulator.outbox().filter((entry) => entry.sessionId === sessionId)
  return { sessionId, mustAuthenticate, challenge: sent.at(-1)?.challenge }
}

/** Front-end SSKS requests logged by the emulator since `from` (an index into requests()). */
export function frontCallsSince(emulator: RunningEmulator, from: number): string[] {
  return emulator
    .requests()
    .slice(from)
    .filter((entry) => entry.path.startsWith('/tmr/front/'))
    .map((entry) => `${entry.path.replace('/tmr/front/', '').replace(/\/$/, '')}:${entry.status}`)
}

/** A challenge from the alphabet that is not `challenge`. */
export function wrongChallenge(challenge: string): string {
  return challenge === 'bbbbbbbb' ? 'cccccccc' : 'bbbbbbbb'
}
