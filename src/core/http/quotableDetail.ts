/** Shortest run of a secret's characters that counts as an echo of it. */
const ECHO_RUN = 8
/** Longest `detail` worth quoting in a message. */
const MAX_DETAIL = 100

/**
 * The server's `detail` when it may go into an error message (which ends up in logs, error
 * trackers and, for the back-end route, nowhere near the browser): short, printable ASCII, and not
 * an echo of anything we sent. A server that echoes a request quotes it in any case and may cut it
 * anywhere, so the comparison ignores case and refuses any run of {@link ECHO_RUN} characters of a
 * secret found in `detail`, and a `detail` found inside a secret. Values of 3 characters or fewer
 * (`EM`, `SMS`) are not secrets.
 */
export function quotableDetail(detail: unknown, sent: readonly unknown[]): string | undefined {
  if (typeof detail !== 'string' || detail.length > MAX_DETAIL || !/^[ -~]+$/.test(detail)) return undefined
  const lowerDetail = detail.toLowerCase()
  // A detail's runs are few (≤ 93), a secret (data_b64) may be long: look each run up in the secret.
  const runs = new Set<string>()
  for (let i = 0; i + ECHO_RUN <= lowerDetail.length; i++) runs.add(lowerDetail.slice(i, i + ECHO_RUN))
  for (const value of sent) {
    if (typeof value !== 'string' || value.length <= 3) continue
    const secret = value.toLowerCase()
    if (secret.includes(lowerDetail) || lowerDetail.includes(secret)) return undefined
    for (const run of runs) if (secret.includes(run)) return undefined
  }
  return detail
}
