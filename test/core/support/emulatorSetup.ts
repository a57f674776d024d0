import type { SSKS2MROptions } from '../../../src/core/index'
import type { AuthFactor } from '../../../src/core/protocol/wire'
import { startEmulator } from '../../../src/emulator/index'
import type { RunningEmulator } from '../../../src/emulator/types'
import { createSSKSBackend } from '../../../src/server/index'
import { sdkWithPlugin } from './plugins'

/** An emulator on 127.0.0.1:0, a back-end to start sessions, and devices (real SDK + our plugin + stand-in). */
export async function setupEmulator() {
  const emulator: RunningEmulator = await startEmulator({ printOutbox: false })
  const backend = createSSKSBackend({ keyStorageURL: emulator.url, appId: emulator.appId, apiKey: emulator.apiKey })
  return {
    emulator,
    /** The app back-end's "start 2MR session" step. */
    async startSession(userId: string, authFactor: AuthFactor, forceAuth = false) {
      const session = await backend.challengeSend({ userId, authFactor, createUser: true, forceAuth })
      const challenge = [...emulator.outbox()]
        .reverse()
        .find((entry) => entry.sessionId === session.sessionId)?.challenge
      return { ...session, challenge }
    },
    /** A device: a fresh real SDK with our plugin; `userId` → it already has a (stand-in) account. */
    device(options: SSKS2MROptions = {}, userId?: string) {
      return sdkWithPlugin(emulator.url, options, userId === undefined ? undefined : { userId }, emulator.appId)
    },
    /** Requests the emulator handled since the last call. */
    requestsSince: (() => {
      let seen = 0
      return () => {
        const all = emulator.requests()
        const fresh = all.slice(seen)
        seen = all.length
        return fresh.map((r) => `${r.path} ${r.status}`)
      }
    })(),
  }
}
