import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// The back-end (examples/express-backend) runs beside Vite: /api is proxied to it, so the browser
// calls the session route same-origin, as the route's cross-site check wants.
const api = { '/api': process.env.API_URL ?? 'http://127.0.0.1:3001' }

export default defineConfig({
  plugins: [react()],
  server: { proxy: api },
  preview: { proxy: api },
})
