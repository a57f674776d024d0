/** Pages served from this machine: Storybook, a local dev server, a test's static server. */
const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]']

export interface DevRouteRules {
  /** `Access-Control-Allow-Origin` of the emulator ('*' = any origin for the SSKS routes only). */
  corsOrigin: string
  /** Host names besides the loopback ones under which the dev routes answer. */
  devHosts: readonly string[]
}

export type DevRouteVerdict = { allowed: true; corsOrigin: string | null } | { allowed: false; reason: string }

/** `host[:port]` → the lower-cased host name (brackets kept for IPv6), or null when malformed. */
export function hostName(hostAndPort: string): string | null {
  const match = /^(\[[0-9a-f:.]+\]|[^\s:[\]/@]+)(?::\d{1,5})?$/i.exec(hostAndPort.trim())
  return match ? match[1]!.toLowerCase() : null
}

/**
 * Who may use the dev routes (`/__dev/*`): the outbox holds live codes and `reset` wipes every
 * backup, so neither a web page the developer happens to visit nor a DNS-rebound one may.
 * - Host (of the URL the router sees, and the Host header): a loopback name or a devHost. A
 *   rebound page's requests carry the attacker's name, whatever address it resolves to.
 * - Origin, when sent: a loopback page or the configured corsOrigin.
 * - Mutating routes also need that Origin or a JSON content type: a cross-site "simple" request
 *   (form, text/plain) is sent without a preflight, so only those two keep it out.
 * Returns the origin to echo in `Access-Control-Allow-Origin` (null for non-browser callers).
 */
export function devRouteVerdict(request: Request, mutating: boolean, rules: DevRouteRules): DevRouteVerdict {
  const allowedHosts = [...LOOPBACK_HOSTS, ...rules.devHosts.map((host) => host.toLowerCase())]
  const hosts = [new URL(request.url).host, request.headers.get('host')].filter((host) => host !== null)
  if (!hosts.every((host) => allowedHosts.includes(hostName(host) ?? ''))) {
    return { allowed: false, reason: 'The dev routes only answer under a loopback host name or a configured dev host.' }
  }
  const origin = request.headers.get('origin')
  if (origin !== null && !LOOPBACK_ORIGIN.test(origin) && !(rules.corsOrigin !== '*' && origin === rules.corsOrigin)) {
    return { allowed: false, reason: 'The dev routes only answer pages served from this machine.' }
  }
  if (mutating && origin === null && !isJsonContentType(request.headers.get('content-type'))) {
    return { allowed: false, reason: 'The dev routes that change state need Content-Type: application/json.' }
  }
  return { allowed: true, corsOrigin: origin }
}

function isJsonContentType(value: string | null): boolean {
  return value?.split(';')[0]!.trim().toLowerCase() === 'application/json'
}
