import { Account } from './Account'

// A server component: prerendered by `next build`. Everything that needs the browser is below Account's client
// boundary.
export default function Home() {
  return (
    <main style={{ maxWidth: 480, margin: '2rem auto', fontFamily: 'system-ui, sans-serif' }}>
      <h1>Example app</h1>
      <Account />
    </main>
  )
}
