import { generateTwoManRuleKey } from 'ssks-2mr-kit/server'

/** The example's user store: in memory. A real app keeps `twoManRuleKey` in its database, per user. */
export interface User {
  id: string
  email: string
  twoManRuleKey: string
}

const users = new Map<string, User>()
const COOKIE = 'example-user'

/** POST /api/sign-in `{ email }`: a new email signs up, a known one signs in (a new device). */
export async function signInRoute(request: Request): Promise<Response> {
  const { email } = (await request.json().catch(() => ({}))) as { email?: unknown }
  if (typeof email !== 'string' || !email.includes('@'))
    return Response.json({ message: 'Email required' }, { status: 400 })
  const known = [...users.values()].find((user) => user.email === email)
  const user = known ?? { id: `user-${crypto.randomUUID()}`, email, twoManRuleKey: generateTwoManRuleKey() }
  users.set(user.id, user)
  // A demo cookie holding the id: a real app signs its session cookie.
  const cookie = `${COOKIE}=${user.id}; Path=/; HttpOnly; SameSite=Lax`
  return Response.json({ userId: user.id, isNew: !known }, { headers: { 'Set-Cookie': cookie } })
}

/** The signed-in user of a request, from the cookie the sign-in route set. */
export function signedInUser(request: Request): User | null {
  const cookies = request.headers.get('cookie') ?? ''
  const id = cookies
    .split(/;\s*/)
    .find((part) => part.startsWith(`${COOKIE}=`))
    ?.slice(COOKIE.length + 1)
  return (id && users.get(id)) || null
}
