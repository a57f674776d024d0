/**
 * SSKS 2MR wire constants shared by the plugin, the emulator and the server helper
 * (see shared/ssks-protocol.md §2–§4). One place for paths, header names and the
 * challenge alphabet, so client and emulator cannot drift apart.
 */

/** Default SSKS base URL, as in the official plugin. */
export const DEFAULT_KEY_STORAGE_URL = 'https://ssks.seald.io/'

/** Absolute paths: the official plugin resolves them with `new URL(path, base)`, dropping any base path. */
export const PATHS = {
  challengeSend: '/tmr/back/challenge_send/',
  challengeValidate: '/tmr/front/challenge_validate/',
  push: '/tmr/front/push/',
  search: '/tmr/front/search/',
  getFactorToken: '/tmr/front/get_factor_token/',
} as const

export const HEADERS = {
  appId: 'X-SEALD-APPID',
  apiKey: 'X-SEALD-APIKEY',
  session: 'X-SEALD-SESSION',
  version: 'X-SEALD-VERSION',
} as const

/** The 31 symbols a challenge is drawn from: a–z without i, l, o, and digits 2–9. */
export const CHALLENGE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'
export const CHALLENGE_LENGTH = 8
export const CHALLENGE_PATTERN = /^[abcdefghjkmnpqrstuvwxyz23456789]{8}$/

/** Standard base64 of exactly 64 bytes (the official plugin's regex; canonical bits are not checked). */
export const RAW_KEY_PATTERN = /^[A-Za-z0-9+/]{86}==$/
export const RAW_KEY_BYTES = 64

/** Max length of `email` / `authFactor.value`, as the official plugin's Joi schema. */
export const AUTH_FACTOR_VALUE_MAX = 1024

/** SSKS keeps a challenge valid for 6 hours (docs.seald.io, api-ssks). */
export const CHALLENGE_VALIDITY_MS = 21_600_000

/** The exact detail SSKS sends with 403 on a wrong challenge; the official plugin matches on it. */
export const INVALID_CREDENTIALS_DETAIL = 'Incorrect authentication credentials.'
/** 406 detail when the team's SMS quota is used up. */
export const SMS_QUOTA_DETAIL = 'SMSQuotaFailed'
/** `model` of the 404 body when no identity is stored for the (user, auth factor). */
export const TMR_KEY_MODEL = 'TMRKey'

/** The key-derivation salt suffix (§7.2); `|` is literal and not escaped. */
export const saltSuffix = (appId: string, userId: string): string => `seald-ssks-2mr-encryption|${appId}|${userId}`
