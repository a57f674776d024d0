/**
 * Whether a browser request to the session route provably comes from the app's own pages (or
 * from an origin the app listed). Every accepted POST makes SSKS email or text the signed-in user
 * a code and replaces their session in progress, and the route authenticates by cookie, so any
 * site could otherwise trigger it (CSRF).
 *
 * - `Sec-Fetch-Site: same-origin` or `none` (set by the browser, which no page can forge) is enough.
 * - Otherwise — `same-site` is a sibling subdomain, which may be someone else's; browsers without
 *   Fetch-Metadata send none — the `Origin` header must be the route's own origin or listed.
 * - No `Origin` at all, or `Origin: null` (sandboxed frames, data: URLs), is not proof: refused.
 */
export function isTrustedOrigin(request: Request, allowedOrigins: ReadonlySet<string>): boolean {
  const site = request.headers.get('sec-fetch-site')
  if (site === 'same-origin' || site === 'none') return true
  const origin = request.headers.get('origin')
  if (origin === null || origin === 'null') return false
  return allowedOrigins.has(origin) || origin === new URL(request.url).origin
}

/**
 * `application/json`, parameters and case aside. A cross-site page can send a body without a
 * CORS preflight only as form data or `text/plain`; requiring JSON keeps every forged request
 * that still carries the user's cookies behind the browser's preflight.
 */
export function isJsonContentType(contentType: string | null): boolean {
  return contentType !== null && contentType.split(';', 1)[0]!.trim().toLowerCase() === 'application/json'
}
