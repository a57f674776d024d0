/**
 * The code the user typed, wrapped so it can travel as a TanStack mutation variable without
 * being readable there: devtools, `JSON.stringify` and object walks see no enumerable field,
 * only `'[redacted]'`. The hooks unwrap it at the last moment with `ChallengeCode.reveal`.
 *
 * @example mutate({ challenge: new ChallengeCode(code) })
 */
export class ChallengeCode {
  // A private field, not a property: invisible to JSON, Object.keys, structuredClone and devtools.
  readonly #code: string

  constructor(code: string) {
    this.#code = code
  }

  /** The wrapped code. Only for the call that sends it to SSKS. */
  static reveal(challenge: ChallengeCode): string {
    return challenge.#code
  }

  toJSON(): string {
    return '[redacted]'
  }

  toString(): string {
    return '[redacted]'
  }
}
