import type { AuthFactor } from '../core/protocol/wire'
import type { OutboxEntry, Session, TmrKey } from './types'

/**
 * Checkers for the records the data files hold (snapshot and journal). Each throws a TypeError
 * naming the field at fault (`where`), so a damaged file is reported precisely at start-up.
 */
export function fail(message: string): never {
  throw new TypeError(message)
}
export function object(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${where} must be an object`)
  return value as Record<string, unknown>
}
export function array(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) fail(`${where} must be an array`)
  return value
}
export function string(value: unknown, where: string): string {
  if (typeof value !== 'string') fail(`${where} must be a string`)
  return value
}
export function number(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(`${where} must be a number`)
  return value
}
export function boolean(value: unknown, where: string): boolean {
  if (typeof value !== 'boolean') fail(`${where} must be a boolean`)
  return value
}

export function authFactor(input: unknown, where: string): AuthFactor {
  const factor = object(input, where)
  if (factor['type'] !== 'EM' && factor['type'] !== 'SMS') fail(`${where}.type must be EM or SMS`)
  return { type: factor['type'] as AuthFactor['type'], value: string(factor['value'], `${where}.value`) }
}

export function tmrKey(input: unknown, where: string): TmrKey {
  const key = object(input, where)
  return {
    id: string(key['id'], `${where}.id`),
    userId: string(key['userId'], `${where}.userId`),
    authFactor: authFactor(key['authFactor'], `${where}.authFactor`),
    data_b64: string(key['data_b64'], `${where}.data_b64`),
    authenticated: boolean(key['authenticated'], `${where}.authenticated`),
  }
}

export function session(input: unknown, where: string): Session {
  const raw = object(input, where)
  const parsed: Session = {
    id: string(raw['id'], `${where}.id`),
    userId: string(raw['userId'], `${where}.userId`),
    authFactor: authFactor(raw['authFactor'], `${where}.authFactor`),
    challenge: string(raw['challenge'], `${where}.challenge`),
    challengeIssuedAt: number(raw['challengeIssuedAt'], `${where}.challengeIssuedAt`),
    mustAuthenticate: boolean(raw['mustAuthenticate'], `${where}.mustAuthenticate`),
    validated: boolean(raw['validated'], `${where}.validated`),
    wrongAttempts: number(raw['wrongAttempts'], `${where}.wrongAttempts`),
    burnt: boolean(raw['burnt'], `${where}.burnt`),
  }
  if (raw['createdAt'] !== undefined) parsed.createdAt = number(raw['createdAt'], `${where}.createdAt`)
  return parsed
}

export function outboxEntry(input: unknown, where: string): OutboxEntry {
  const entry = object(input, where)
  return {
    sessionId: string(entry['sessionId'], `${where}.sessionId`),
    userId: string(entry['userId'], `${where}.userId`),
    authFactor: authFactor(entry['authFactor'], `${where}.authFactor`),
    challenge: string(entry['challenge'], `${where}.challenge`),
    sentAt: number(entry['sentAt'], `${where}.sentAt`),
  }
}

export const times = (input: unknown, where: string): number[] =>
  array(input, where).map((at, i) => number(at, `${where}[${i}]`))
