import type { FlowMessages } from './FlowMessages'

/** English strings of the backup and restore flows. */
export const flowMessagesEn: FlowMessages = {
  backupTitle: 'Back up your secure identity',
  restoreTitle: 'Restore your secure identity',
  backupDescription:
    'Your identity is encrypted on this device before it is stored, so you can recover it on a new device.',
  restoreDescription: 'Enter the code we sent you to recover your identity on this device.',
  backupStart: 'Back up now',
  restoreStart: 'Send me a code',
  flowStarting: 'Preparing…',
  flowSaving: 'Saving your backup…',
  flowRestoring: 'Restoring your identity…',
  flowRenewing: 'Securing your account with new keys…',
  backupDone: 'Your identity is backed up.',
  restoreDone: 'Your identity is restored on this device.',
  restoreDoneNotResaved: 'Your identity is restored on this device. Its backup will be updated next time.',
  retry: 'Try again',
  flowErrors: {
    VALIDATION: 'Something is wrong with this request. Please contact support.',
    INVALID_CHALLENGE: 'This code is not valid. Check it and try again.',
    SESSION_NOT_FOUND: 'This code has expired. Ask for a new one.',
    IDENTITY_NOT_FOUND: 'No backup was found for this account.',
    WRONG_KEY: 'This backup cannot be opened with this account.',
    SMS_QUOTA: 'No more text messages can be sent right now. Please try again later.',
    RATE_LIMITED: 'Too many attempts. Ask for a new code in a moment.',
    USER_NOT_FOUND: 'This account is not set up for backups yet. Please contact support.',
    UNAUTHORIZED: 'You are not allowed to do this. Please sign in again.',
    NETWORK: 'You seem to be offline. Check your connection and try again.',
    TIMEOUT: 'The server took too long to answer. Please try again.',
    SERVER: 'Something went wrong on our side. Please try again.',
    ABORTED: 'Cancelled.',
    UNKNOWN: 'Something went wrong. Please try again.',
  },
}
