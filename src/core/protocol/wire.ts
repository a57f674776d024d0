/** JSON bodies on the wire (snake_case, as SSKS speaks). See shared/ssks-protocol.md §3–§4. */

export type AuthFactorType = 'EM' | 'SMS'

/** Where SSKS sends the challenge: an email address (`EM`) or a phone number (`SMS`). */
export interface AuthFactor {
  type: AuthFactorType
  value: string
}

export interface ChallengeSendRequest {
  user_id: string
  auth_factor: AuthFactor
  create_user?: boolean
  force_auth?: boolean
  template?: string
  template_id?: string
  fake_otp?: boolean
}
export interface ChallengeSendResponse {
  session_id: string
  must_authenticate: boolean
}

export interface ChallengeValidateRequest {
  challenge: string
  auth_factor: AuthFactor
}
export interface ChallengeValidateResponse {
  new_id: string
}

export interface PushRequest {
  data_b64: string
  auth_factor?: AuthFactor
}
export interface PushResponse {
  id: string
}

export interface SearchResponse {
  data_b64: string
  authenticated: boolean
}

/** Flat, unlike the other bodies (§4.4). */
export interface GetFactorTokenRequest {
  auth_factor_type: AuthFactorType
  auth_factor_value: string
}
export interface GetFactorTokenResponse {
  factor_token: string
}

/** DRF-style error body. */
export interface ErrorBody {
  detail?: string
  model?: string
}
