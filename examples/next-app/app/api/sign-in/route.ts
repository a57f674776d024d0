import { signIn } from '../../../lib/users'

export async function POST(request: Request) {
  const { email } = (await request.json().catch(() => ({}))) as { email?: unknown }
  if (typeof email !== 'string' || !email.includes('@'))
    return Response.json({ message: 'Email required' }, { status: 400 })
  const { user, isNew, cookie } = signIn(email)
  return Response.json({ userId: user.id, isNew }, { headers: { 'Set-Cookie': cookie } })
}
