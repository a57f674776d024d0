import { generateTwoManRuleKey } from 'ssks-2mr-kit/server'

/** The example's user store: in memory, one process. A real app keeps `twoManRuleKey` in its database. */
export interface User {
  id: string
  email: string
  twoManRuleKey: string
}

// On globalThis: Next bundles each route separately, and both routes must see the same users.
const store = globalThis as typeof globalThis & { exampleUsers?: Map<string, User> }
const users = (store.exampleUsers ??= new Map<string, User>())
const COOKIE = 'example-user'

/** Signs the email in, creating the user (and their 2MR key) the first time. */
export function signIn(email: string): { user: User; isNew: boolean; cookie: string } {
  const known = [...users.values()].find((user) => user.email === email)
  const user = known ?? { id: `user-${crypto.randomUUID()}`, email, twoManRuleKey: generateTwoManRuleKey() }
  users.set(user.id, user)
  // A demo cookie holding the id: a real app signs its session cookie.
  return { user, isNew: !known, cookie: `${COOKIE}=${user.id}; Path=/; HttpOnly; SameSite=Lax` }
}

/** The signed-in user of a request, from the cookie `signIn` set. */
export function signedInUser(request: Request): User | null {
  const cookies = request.headers.get('cookie') ?? ''
  const id = cookies
    .split(/;\s*/)
    .find((part) => part.startsWith(`${COOKIE}=`))
    ?.slice(COOKIE.length + 1)
  return (id && users.get(id)) || null
}
