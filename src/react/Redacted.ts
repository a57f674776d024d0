/**
 * Base of the kit's opaque wrappers (`ChallengeCode`, `AuthenticatedSession`): a secret that may
 * travel through TanStack mutation variables and data without being readable there. Subclasses keep
 * the value in a private field (invisible to JSON, `Object.keys`, `structuredClone` and devtools);
 * every string conversion gives `'[redacted]'`.
 */
export abstract class Redacted {
  toJSON(): string {
    return '[redacted]'
  }

  toString(): string {
    return '[redacted]'
  }
}
