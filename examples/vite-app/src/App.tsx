import { lazy, Suspense, useState, type FormEvent } from 'react'

// The Seald SDK is ~360 KB gzip: load the screen that needs it (and the SDK with it) only when it is shown.
const KeysScreen = lazy(() => import('./KeysScreen.js'))

export function App() {
  const [user, setUser] = useState<{ userId: string; isNew: boolean } | null>(null)
  const [done, setDone] = useState<string | null>(null)

  async function signIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const email = new FormData(event.currentTarget).get('email')
    const response = await fetch('/api/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email }),
    })
    if (response.ok) setUser(await response.json())
  }

  return (
    <main style={{ maxWidth: 480, margin: '2rem auto', fontFamily: 'system-ui, sans-serif' }}>
      <h1>Example app</h1>
      {done ? (
        <p role="status">{done}</p>
      ) : user ? (
        <Suspense fallback={<p>Loading…</p>}>
          <KeysScreen userId={user.userId} isNew={user.isNew} onDone={setDone} />
        </Suspense>
      ) : (
        <form onSubmit={signIn}>
          <label>
            Email <input name="email" type="email" required autoComplete="email" />
          </label>
          <button type="submit">Continue</button>
        </form>
      )}
    </main>
  )
}
