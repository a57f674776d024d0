/** scrypt cost the official plugin uses (the SDK's `utils.scrypt`): N=16384, r=8, p=1, 64 bytes. */
export const SCRYPT_PARAMS = { N: 16384, r: 8, p: 1, dkLen: 64 } as const
