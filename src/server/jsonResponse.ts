/**
 * JSON answer of the session route. `no-store` because a session carries the user's key:
 * no browser, proxy or CDN cache may keep it.
 */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  })
}
