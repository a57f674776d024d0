import { SSKS2MRError } from '../errors'
import { FAILURE_PREFIX, type Endpoint } from '../http/endpoints'

/** A 2xx answer without the field we need: the server is not speaking the protocol. */
export function invalidAnswer(endpoint: Endpoint, field: string): SSKS2MRError {
  return new SSKS2MRError('SERVER', `${FAILURE_PREFIX[endpoint]}: answer has no valid "${field}"`, { status: 200 })
}

/** The string at `answer[field]`, if the answer is an object holding a non-empty string there. */
export function stringField(answer: unknown, field: string): string | undefined {
  const value = answer !== null && typeof answer === 'object' ? (answer as Record<string, unknown>)[field] : undefined
  return typeof value === 'string' && value !== '' ? value : undefined
}
