/** A signed-in user of the demo app, as its sign-in route answers (never the 2MR key). */
export interface DemoAccount {
  userId: string
  email: string
  /** Digits (and a leading +) or '' when the user gave no phone number. */
  phone: string
  /** Demo bearer token standing in for the app's session cookie. */
  token: string
}
