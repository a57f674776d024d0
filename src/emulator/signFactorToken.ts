import { encodeBase64Url } from '../core/crypto/base64'
import type { AuthFactor } from '../core/protocol/wire'

const encodeJson = (value: unknown): string => encodeBase64Url(new TextEncoder().encode(JSON.stringify(value)))

/** A fresh HMAC-SHA-256 key for signing factor tokens (WebCrypto: works in browsers and Node). */
export function makeFactorTokenKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])
}

/**
 * A factor token as a compact HS256 JWT (`header.payload.signature`). The real token's claims are
 * unknown (protocol §4.4); these say who proved which factor, for which app, and until when.
 */
export async function signFactorToken(
  key: CryptoKey,
  claims: { appId: string; userId: string; authFactor: AuthFactor; nowMs: number },
): Promise<string> {
  const iat = Math.floor(claims.nowMs / 1000)
  const header = encodeJson({ alg: 'HS256', typ: 'JWT' })
  const payload = encodeJson({
    iss: 'ssks-emulator',
    sub: claims.userId,
    app_id: claims.appId,
    auth_factor_type: claims.authFactor.type,
    auth_factor_value: claims.authFactor.value,
    iat,
    exp: iat + 3600,
    jti: crypto.randomUUID(),
  })
  const signature = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${header}.${payload}`))
  return `${header}.${payload}.${encodeBase64Url(new Uint8Array(signature))}`
}
