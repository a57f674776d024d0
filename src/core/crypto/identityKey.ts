/** Which secret protects a stored identity: exactly one of the two (§6.2 xor rule). */
export type IdentityKey = { twoManRuleKey: string; rawTwoManRuleKey?: undefined } | { rawTwoManRuleKey: string; twoManRuleKey?: undefined }

/** What binds a password-mode key to an app and user (part of the scrypt salt). */
export interface KeyContext {
  appId: string
  userId: string
}
