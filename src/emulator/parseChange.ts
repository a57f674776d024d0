import { array, fail, number, object, outboxEntry, session, string, times, tmrKey } from './parseRecords'
import type { EmulatorChange } from './types'

/** Checks one journaled change (see EmulatorChange), naming the field at fault. */
export function parseChange(input: unknown, index: number): EmulatorChange {
  const where = `change[${index}]`
  const change = object(input, where)
  switch (change['op']) {
    case 'credentials':
      return {
        op: 'credentials',
        appId: string(change['appId'], `${where}.appId`),
        apiKey: string(change['apiKey'], `${where}.apiKey`),
      }
    case 'user':
      return { op: 'user', userId: string(change['userId'], `${where}.userId`) }
    case 'tmrKey':
      return { op: 'tmrKey', key: tmrKey(change['key'], `${where}.key`) }
    case 'session':
      return { op: 'session', session: session(change['session'], `${where}.session`) }
    case 'endSessions':
      return {
        op: 'endSessions',
        ids: array(change['ids'], `${where}.ids`).map((id, i) => string(id, `${where}.ids[${i}]`)),
      }
    case 'smsSent':
      return { op: 'smsSent', count: number(change['count'], `${where}.count`) }
    case 'sent':
      return {
        op: 'sent',
        entry: outboxEntry(change['entry'], `${where}.entry`),
        limit: number(change['limit'], `${where}.limit`),
      }
    case 'wrongCodes':
      return {
        op: 'wrongCodes',
        userId: string(change['userId'], `${where}.userId`),
        at: times(change['at'], `${where}.at`),
      }
    case 'reset':
      return { op: 'reset' }
    default:
      return fail(`${where}.op is not a known change`)
  }
}
