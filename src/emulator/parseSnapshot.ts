import { array, fail, number, object, outboxEntry, session, string, times, tmrKey } from './parseRecords'
import type { EmulatorSnapshot } from './types'

/**
 * Checks that a parsed JSON value is an emulator snapshot, so a damaged data file is reported
 * at start-up with the field at fault instead of failing later on a request.
 */
export function parseSnapshot(value: unknown): EmulatorSnapshot {
  const root = object(value, 'snapshot')
  if (root['version'] !== 1) fail('snapshot.version must be 1')
  const snapshot: EmulatorSnapshot = {
    version: 1,
    appId: string(root['appId'], 'snapshot.appId'),
    apiKey: string(root['apiKey'], 'snapshot.apiKey'),
    users: array(root['users'], 'snapshot.users').map((user, i) => string(user, `snapshot.users[${i}]`)),
    tmrKeys: array(root['tmrKeys'], 'snapshot.tmrKeys').map((input, i) => tmrKey(input, `snapshot.tmrKeys[${i}]`)),
    sessions: array(root['sessions'], 'snapshot.sessions').map((input, i) => session(input, `snapshot.sessions[${i}]`)),
    smsSent: number(root['smsSent'], 'snapshot.smsSent'),
    outbox: array(root['outbox'], 'snapshot.outbox').map((input, i) => outboxEntry(input, `snapshot.outbox[${i}]`)),
  }
  // Written by newer versions only; older files simply lack them.
  if (root['wrongCodes'] !== undefined) {
    snapshot.wrongCodes = array(root['wrongCodes'], 'snapshot.wrongCodes').map((input, i) => {
      const where = `snapshot.wrongCodes[${i}]`
      const entry = object(input, where)
      return { userId: string(entry['userId'], `${where}.userId`), at: times(entry['at'], `${where}.at`) }
    })
  }
  if (root['generation'] !== undefined) snapshot.generation = number(root['generation'], 'snapshot.generation')
  return snapshot
}
