import type { SSKSClient } from '../http/createSSKSClient'
import { invalidAnswer } from './invalidAnswer'

/**
 * `search` (no body): the stored blob and whether it was pushed through a validated session.
 * Retried on network errors and 5xx: reading twice cannot change anything.
 */
export async function searchIdentityBlob(client: SSKSClient, args: { sessionId: string; signal?: AbortSignal }): Promise<{ dataB64: string; authenticated: boolean }> {
  const answer = await client('search', { sessionId: args.sessionId, signal: args.signal, idempotent: true })
  const record = answer !== null && typeof answer === 'object' ? (answer as Record<string, unknown>) : {}
  if (typeof record.data_b64 !== 'string') throw invalidAnswer('search', 'data_b64')
  // Falsy (or missing) means "stored without a challenge": renew, as the official plugin does.
  return { dataB64: record.data_b64, authenticated: record.authenticated === true }
}
