import type { EmulatorEndpoint, Fault } from './types'

const ENDPOINTS: ReadonlyArray<Fault['endpoint']> = [
  'challenge_send',
  'challenge_validate',
  'push',
  'search',
  'get_factor_token',
  '*',
]
const KINDS: ReadonlyArray<Fault['kind']> = ['latency', 'status', 'drop']

/** What the armed faults decide for one call. */
export interface FaultPlan {
  delayMs: number
  before?: Fault
  after?: Fault
}

interface ArmedFault {
  fault: Fault
  seen: number
  fired: number
}

/** Checks and completes a fault (defaults filled in); throws a TypeError naming the bad field. */
export function normalizeFault(input: unknown): Fault {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new TypeError('fault must be an object')
  const raw = input as Record<string, unknown>
  const endpoint = raw['endpoint'] ?? '*'
  if (!ENDPOINTS.includes(endpoint as Fault['endpoint']))
    throw new TypeError(`fault.endpoint must be one of ${ENDPOINTS.join(', ')}`)
  const kind = raw['kind']
  if (!KINDS.includes(kind as Fault['kind'])) throw new TypeError(`fault.kind must be one of ${KINDS.join(', ')}`)
  const phase = raw['phase'] ?? 'before'
  if (phase !== 'before' && phase !== 'after') throw new TypeError('fault.phase must be before or after')
  const integer = (key: string, fallback: number, min: number, max: number): number => {
    const value = raw[key] ?? fallback
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new TypeError(`fault.${key} must be an integer from ${min} to ${max}`)
    }
    return value
  }
  return {
    endpoint: endpoint as Fault['endpoint'],
    kind: kind as Fault['kind'],
    delayMs: integer('delayMs', 1000, 0, 600_000),
    // Response only allows 200–599.
    status: integer('status', 503, 200, 599),
    nth: integer('nth', 1, 1, 1_000_000),
    times: integer('times', 1, 1, 1_000_000_000),
    phase,
  }
}

/** Holds the armed faults and decides, call by call, which of them fire. */
export class FaultInjector {
  private armed: ArmedFault[] = []

  add(fault: Fault): void {
    this.armed.push({ fault: normalizeFault(fault), seen: 0, fired: 0 })
  }

  clear(): void {
    this.armed = []
  }

  list(): Fault[] {
    return this.armed.map(({ fault }) => ({ ...fault }))
  }

  /** Counts this call against every matching fault; latencies add up, the first status/drop wins per phase. */
  take(endpoint: EmulatorEndpoint): FaultPlan {
    const plan: FaultPlan = { delayMs: 0 }
    for (const armed of this.armed) {
      const { fault } = armed
      if (fault.endpoint !== '*' && fault.endpoint !== endpoint) continue
      armed.seen += 1
      if (armed.seen < (fault.nth ?? 1)) continue
      armed.fired += 1
      if (fault.kind === 'latency') plan.delayMs += fault.delayMs ?? 0
      else if (fault.phase === 'after') plan.after ??= fault
      else plan.before ??= fault
    }
    this.armed = this.armed.filter((armed) => armed.fired < (armed.fault.times ?? 1))
    return plan
  }
}
