import type { AuthFactor } from '../core/protocol/wire'
import type { EmulatorSnapshot } from './types'

/**
 * Checks that a parsed JSON value is an emulator snapshot, so a damaged data file is reported
 * at start-up with the field at fault instead of failing later on a request.
 */
export function parseSnapshot(value: unknown): EmulatorSnapshot {
  const root = object(value, 'snapshot')
  if (root['version'] !== 1) fail('snapshot.version must be 1')
  const authFactor = (input: unknown, where: string): AuthFactor => {
    const factor = object(input, where)
    if (factor['type'] !== 'EM' && factor['type'] !== 'SMS') fail(`${where}.type must be EM or SMS`)
    return { type: factor['type'] as AuthFactor['type'], value: string(factor['value'], `${where}.value`) }
  }
  return {
    version: 1,
    appId: string(root['appId'], 'snapshot.appId'),
    apiKey: string(root['apiKey'], 'snapshot.apiKey'),
    users: array(root['users'], 'snapshot.users').map((user, i) => string(user, `snapshot.users[${i}]`)),
    tmrKeys: array(root['tmrKeys'], 'snapshot.tmrKeys').map((input, i) => {
      const where = `snapshot.tmrKeys[${i}]`
      const key = object(input, where)
      return {
        id: string(key['id'], `${where}.id`),
        userId: string(key['userId'], `${where}.userId`),
        authFactor: authFactor(key['authFactor'], `${where}.authFactor`),
        data_b64: string(key['data_b64'], `${where}.data_b64`),
        authenticated: boolean(key['authenticated'], `${where}.authenticated`),
      }
    }),
    sessions: array(root['sessions'], 'snapshot.sessions').map((input, i) => {
      const where = `snapshot.sessions[${i}]`
      const session = object(input, where)
      return {
        id: string(session['id'], `${where}.id`),
        userId: string(session['userId'], `${where}.userId`),
        authFactor: authFactor(session['authFactor'], `${where}.authFactor`),
        challenge: string(session['challenge'], `${where}.challenge`),
        challengeIssuedAt: number(session['challengeIssuedAt'], `${where}.challengeIssuedAt`),
        mustAuthenticate: boolean(session['mustAuthenticate'], `${where}.mustAuthenticate`),
        validated: boolean(session['validated'], `${where}.validated`),
        wrongAttempts: number(session['wrongAttempts'], `${where}.wrongAttempts`),
        burnt: boolean(session['burnt'], `${where}.burnt`),
      }
    }),
    smsSent: number(root['smsSent'], 'snapshot.smsSent'),
    outbox: array(root['outbox'], 'snapshot.outbox').map((input, i) => {
      const where = `snapshot.outbox[${i}]`
      const entry = object(input, where)
      return {
        sessionId: string(entry['sessionId'], `${where}.sessionId`),
        userId: string(entry['userId'], `${where}.userId`),
        authFactor: authFactor(entry['authFactor'], `${where}.authFactor`),
        challenge: string(entry['challenge'], `${where}.challenge`),
        sentAt: number(entry['sentAt'], `${where}.sentAt`),
      }
    }),
  }
}

function fail(message: string): never {
  throw new TypeError(message)
}
function object(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${where} must be an object`)
  return value as Record<string, unknown>
}
function array(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) fail(`${where} must be an array`)
  return value
}
function string(value: unknown, where: string): string {
  if (typeof value !== 'string') fail(`${where} must be a string`)
  return value
}
function number(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(`${where} must be a number`)
  return value
}
function boolean(value: unknown, where: string): boolean {
  if (typeof value !== 'boolean') fail(`${where} must be a boolean`)
  return value
}
