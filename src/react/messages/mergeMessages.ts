import type { SSKS2MRMessages, SSKS2MRMessagesOverride } from './index'

/** `base` with `overrides` applied; nested records (error texts) are merged one level deep. */
export function mergeMessages(base: SSKS2MRMessages, overrides: SSKS2MRMessagesOverride | undefined): SSKS2MRMessages {
  if (!overrides) return base
  const merged: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue
    const current = merged[key]
    merged[key] = isRecord(value) && isRecord(current) ? { ...current, ...value } : value
  }
  return merged as unknown as SSKS2MRMessages
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
