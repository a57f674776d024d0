import { useEffect, useState } from 'react'
import type { OutboxEntry } from '../../src/emulator/types'

export interface OutboxPanelProps {
  /** Reads the emulator's outbox (oldest first), over HTTP or in the page. */
  readOutbox: () => Promise<OutboxEntry[]>
  /** Only this user's messages, when given: the "inbox" of the person using the form. */
  userId?: string | undefined
  /** Poll interval in ms. */
  intervalMs?: number
}

/**
 * The emulator's outbox as the user's inbox: every code "sent" by email or SMS, newest first,
 * so a designer (or an end-to-end test) reads the code here and types it into the form.
 */
export function OutboxPanel({ readOutbox, userId, intervalMs = 500 }: OutboxPanelProps) {
  const [entries, setEntries] = useState<OutboxEntry[]>([])
  const [unreachable, setUnreachable] = useState(false)

  useEffect(() => {
    let cancelled = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = async () => {
      try {
        const all = await readOutbox()
        if (cancelled) return
        setUnreachable(false)
        setEntries((previous) => (sameEntries(previous, all) ? previous : all))
      } catch {
        if (!cancelled) setUnreachable(true)
      }
      if (!cancelled) timer = setTimeout(poll, intervalMs)
    }
    void poll()
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [readOutbox, intervalMs])

  const shown = entries.filter((entry) => userId === undefined || entry.userId === userId).reverse()

  return (
    <section className="live-outbox" aria-labelledby="live-outbox-title">
      <h2 id="live-outbox-title" className="live-outbox__title">
        Emulator outbox
      </h2>
      <p className="live-outbox__help">
        Codes the emulator “sent” by email or SMS appear here. Type the newest one into the form.
      </p>
      {unreachable && <p role="alert">The emulator is not answering.</p>}
      {shown.length === 0 ? (
        <p className="live-outbox__empty">No message yet.</p>
      ) : (
        <ol className="live-outbox__list" data-testid="outbox">
          {shown.map((entry, index) => (
            <li
              key={`${entry.sessionId}-${entry.sentAt}`}
              className="live-outbox__message"
              data-testid="outbox-message"
              data-latest={index === 0 ? 'true' : undefined}
            >
              <span className="live-outbox__to">
                {entry.authFactor.type === 'SMS' ? 'SMS to' : 'Email to'} {entry.authFactor.value}
              </span>
              <span className="live-outbox__code">
                Your code: <code data-testid="outbox-code">{entry.challenge}</code>
              </span>
              <time className="live-outbox__time" dateTime={new Date(entry.sentAt).toISOString()}>
                {new Date(entry.sentAt).toLocaleTimeString()}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

function sameEntries(a: OutboxEntry[], b: OutboxEntry[]): boolean {
  return (
    a.length === b.length && a.every((entry, i) => entry.sessionId === b[i]?.sessionId && entry.sentAt === b[i]?.sentAt)
  )
}
