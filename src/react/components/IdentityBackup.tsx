'use client'
import { IdentityFlow } from './IdentityFlow'
import type { IdentityFlowProps } from './IdentityFlowProps'

/**
 * Drop-in backup of the user's Seald identity on SSKS, e.g. right after sign-up: saves at once
 * when SSKS needs no code (first backup), otherwise asks for the code it sent. Needs `SSKS2MRProvider`.
 */
export function IdentityBackup(props: IdentityFlowProps) {
  return <IdentityFlow purpose="backup" {...props} />
}
