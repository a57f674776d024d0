/** Which secret protects a stored identity: exactly one of the two (§6.2 xor rule). */
export type IdentityKey =
  { twoManRuleKey: string; rawTwoManRuleKey?: undefined } | { rawTwoManRuleKey: string; twoManRuleKey?: undefined }

/** The key of one user's blob: the secret, and the user it is salted with in password mode. */
export type BlobKey = IdentityKey & { userId: string }
