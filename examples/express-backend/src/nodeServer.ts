import { createServer } from 'node:http'
import { toNodeHandler } from 'ssks-2mr-kit/server'
import { ssksSession } from './ssksSession.js'
import { signInRoute } from './users.js'

// The same routes on plain node:http: the adapter is the same, only the routing is by hand.
const routes: Record<string, ReturnType<typeof toNodeHandler>> = {
  '/api/ssks-session': toNodeHandler(ssksSession),
  '/api/sign-in': toNodeHandler(signInRoute),
}

const server = createServer((request, response) => {
  const route = routes[new URL(request.url ?? '/', 'http://localhost').pathname]
  if (route) return void route(request, response)
  response.writeHead(404).end()
})

const port = Number(process.env.PORT ?? 3001)
server.listen(port, '127.0.0.1', () => console.log(`node:http back-end on http://127.0.0.1:${port}/`))
