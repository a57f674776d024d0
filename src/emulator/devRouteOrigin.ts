/** Pages served from this machine: Storybook, a local dev server, a test's static server. */
const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/

/**
 * Which browser origin may use the dev routes (`/__dev/*`): the outbox holds live codes and
 * `reset` wipes every backup, so a web page the developer happens to visit must not reach them.
 * Loopback pages always may, plus the explicitly configured `corsOrigin`. Requests without an
 * `Origin` (Node, curl, in-process) are not from a browser page and always may.
 * Returns the origin to echo in `Access-Control-Allow-Origin`, or null to refuse.
 */
export function devRouteOrigin(origin: string | null, corsOrigin: string): string | null {
  if (origin === null) return corsOrigin
  return LOOPBACK_ORIGIN.test(origin) || (corsOrigin !== '*' && origin === corsOrigin) ? origin : null
}
