'use client'
import { IdentityFlow } from './IdentityFlow'
import type { IdentityFlowProps } from './IdentityFlowProps'

/**
 * Drop-in restore of the user's Seald identity on a new device: code → restore → (keys renewed
 * when the backup was saved without a code) → the renewed identity saved again → done.
 * Needs `SSKS2MRProvider`.
 */
export function IdentityRestore(props: IdentityFlowProps) {
  return <IdentityFlow purpose="restore" {...props} />
}
