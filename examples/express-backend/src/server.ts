import express from 'express'
import { toNodeHandler } from 'ssks-2mr-kit/server'
import { ssksSession } from './ssksSession.js'
import { signInRoute } from './users.js'

const app = express()
// Fetch-API handlers, mounted through one adapter. Put no body parser (express.json()) before them: it would consume
// the body.
app.post('/api/ssks-session', toNodeHandler(ssksSession))
app.post('/api/sign-in', toNodeHandler(signInRoute))

const port = Number(process.env.PORT ?? 3001)
app.listen(port, '127.0.0.1', () => console.log(`Express back-end on http://127.0.0.1:${port}/`))
