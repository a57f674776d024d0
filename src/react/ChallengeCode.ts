import { Redacted } from './Redacted'

/**
 * The code the user typed, wrapped so it can travel as a TanStack mutation variable without
 * being readable there: devtools, `JSON.stringify` and object walks see no enumerable field,
 * only `'[redacted]'`. The hooks unwrap it at the last moment with `ChallengeCode.reveal`.
 *
 * @example mutate({ challenge: new ChallengeCode(code) })
 */
export class ChallengeCode extends Redacted {
  readonly #code: string

  constructor(code: string) {
    super()
    this.#code = code
  }

  /** The wrapped code. Only for the call that sends it to SSKS. */
  static reveal(challenge: ChallengeCode): string {
    return challenge.#code
  }
}
