import { sdkBufferClass } from '../core/sdkBufferClass'
import {
  decodeStandInIdentity,
  encodeStandInIdentity,
  randomKeyMaterial,
  type StandInIdentity,
} from './standInIdentity'

/** SDK members the stand-in replaces; only these ever talk to Seald's cloud API in a 2MR flow. */
export type StandInMember =
  'importIdentity' | 'renewKey' | 'prepareRenew' | 'exportIdentity' | 'exportBackupKey' | 'getCurrentAccountInfo'

export interface SealdCloudStandInOptions {
  /**
   * Start with a registered account for this user, as after `initiateIdentity`. Default: no account (a fresh device).
   */
  userId?: string
  /** The SDK's `databasePath` (names its account lock, SDK 0.34+). Default: none, as an in-memory SDK. */
  databasePath?: string
  sealdId?: string
  deviceId?: string
}

/** Control panel of a stand-in, at `sdk.cloudStandIn`. */
export interface SealdCloudStandIn {
  /** Every replaced member called, in order (e.g. `importIdentity`, `renewKey`, `exportBackupKey`). */
  readonly calls: StandInMember[]
  /** The account currently loaded in this SDK instance, or null (a copy). */
  account(): StandInIdentity | null
  /** Makes the next call of `member` reject with `error`, as when Seald's API is unreachable. */
  failNext(member: StandInMember, error?: Error): void
  /**
   * SDK 0.34+: holds this database's account lock (`${databasePath}/account`), as another tab
   * importing an identity at this moment does; `importIdentity` then fails at once with
   * `Resource "…" is locked.`, as the SDK's. Returns the release.
   */
  holdAccountLock(): () => void
}

export type WithSealdCloudStandIn<T> = T & { readonly cloudStandIn: SealdCloudStandIn }

/**
 * What the stand-in "cloud" knows across every instance of this page or process: the key version
 * each account renewed to. It decides, as Seald's API does, which keys an imported prepared
 * renewal ends up with: the new ones once `renewKey({ preparedRenewal })` went through, else the old.
 */
const committedKeyVersions = new Map<string, number>()

/**
 * Account locks held, by name, in this page or process: SDK 0.34's in-process `withLocalLock`, or a Web Lock across
 * tabs.
 */
const heldAccountLocks = new Set<string>()

interface AccountInfo {
  userId: string
  sealdId: string
  deviceId: string
}

/**
 * **STAND-IN — NOT THE REAL SEALD CLOUD. For tests only.**
 *
 * Takes a REAL `@seald-io/sdk` instance (plugins already installed) and replaces the only
 * members of a 2MR flow that need Seald's cloud API — `importIdentity`, `renewKey`,
 * `prepareRenew` (SDK 0.34+), `exportIdentity`, `getCurrentAccountInfo` and
 * `goatee.account.exportBackupKey` — with a local
 * fake account. Everything else (construction, plugins, `utils.scrypt`, `sscrypto`) stays real.
 *
 * The fake identity is bytes encoding `{ userId, sealdId, deviceId, keyVersion, keyMaterial }`:
 * `exportBackupKey`/`exportIdentity` produce them, `importIdentity` parses them back (refusing
 * non-Buffers, garbage and an already-registered instance, as the real SDK does), and
 * `renewKey` bumps `keyVersion` and draws new key material (or takes a prepared renewal's).
 * A prepared renewal imports with its new keys once committed, else with the old. Calls are recorded in
 * `sdk.cloudStandIn.calls` so tests can check the order import → renew → export.
 *
 * `goatee` (a getter that throws before `initialize`) is redefined to expose only
 * `account.exportBackupKey`; do not use other goatee members on a stand-in instance.
 */
export function withSealdCloudStandIn<T extends object>(
  sdk: T,
  options: SealdCloudStandInOptions = {},
): WithSealdCloudStandIn<T> {
  const target = sdk as T & Record<string, unknown>
  const toSdkBuffer = sdkBufferFactory(target)
  const calls: StandInMember[] = []
  const hasAccountLock = typeof target.prepareRenew === 'function'
  const accountLock = `${options.databasePath}/account`
  const failures = new Map<StandInMember, Error>()
  let account: StandInIdentity | null =
    options.userId === undefined
      ? null
      : {
          userId: options.userId,
          sealdId: options.sealdId ?? randomId(),
          deviceId: options.deviceId ?? randomId(),
          keyVersion: 1,
          keyMaterial: randomKeyMaterial(),
        }

  // Records the call and fires an injected failure, before the member's own checks (as a network failure would).
  const enter = async (member: StandInMember): Promise<void> => {
    calls.push(member)
    const failure = failures.get(member)
    if (failure) {
      failures.delete(member)
      throw failure
    }
  }
  const requireAccount = (): StandInIdentity => {
    if (!account) throw new Error('No default user is set')
    return account
  }
  const info = (a: StandInIdentity): AccountInfo => ({ userId: a.userId, sealdId: a.sealdId, deviceId: a.deviceId })

  const exportBackupKey = async () => {
    await enter('exportBackupKey')
    return toSdkBuffer(encodeStandInIdentity(requireAccount()))
  }
  const goatee = { account: { exportBackupKey } }

  const replacements = {
    async importIdentity(identity: unknown): Promise<AccountInfo> {
      await enter('importIdentity')
      // SDK 0.34 imports under the account lock taken "fail if locked".
      if (hasAccountLock && heldAccountLocks.has(accountLock)) throw new Error(`Resource "${accountLock}" is locked.`)
      if (!isSdkBuffer(target, identity)) throw new Error('"identity" must be a buffer')
      if (account) throw new Error('Already registered')
      const parsed = decodeStandInIdentity(identity as Uint8Array)
      if (!parsed) throw new Error('Unable to load identity (stand-in: these bytes are not a stand-in identity)')
      const { prepared, ...keys } = parsed
      // A prepared renewal: its new keys if the cloud took them, else the keys it was prepared from.
      account =
        prepared && committedKeyVersions.get(parsed.sealdId) === prepared.keyVersion ? { ...keys, ...prepared } : keys
      return info(account)
    },
    async renewKey(options?: { preparedRenewal?: Uint8Array }): Promise<void> {
      await enter('renewKey')
      const current = requireAccount()
      const prepared = options?.preparedRenewal && decodeStandInIdentity(options.preparedRenewal)?.prepared
      if (options?.preparedRenewal && (!prepared || prepared.keyVersion !== current.keyVersion + 1))
        throw new Error('Invalid preparedRenewal')
      account = {
        ...current,
        ...(prepared ?? { keyVersion: current.keyVersion + 1, keyMaterial: randomKeyMaterial() }),
      }
      committedKeyVersions.set(account.sealdId, account.keyVersion)
    },
    async exportIdentity() {
      await enter('exportIdentity')
      if (!account) throw new Error('Not fully registered: no-account')
      return toSdkBuffer(encodeStandInIdentity(account))
    },
    async getCurrentAccountInfo(): Promise<AccountInfo> {
      await enter('getCurrentAccountInfo')
      return info(requireAccount())
    },
  }
  // SDK 0.34+ only: new keys prepared (contacts refreshed from the cloud) but not yet in use.
  const prepareRenew = async () => {
    await enter('prepareRenew')
    const current = requireAccount()
    return toSdkBuffer(
      encodeStandInIdentity({
        ...current,
        prepared: { keyVersion: current.keyVersion + 1, keyMaterial: randomKeyMaterial() },
      }),
    )
  }
  if (typeof target.prepareRenew === 'function') Object.assign(replacements, { prepareRenew })
  for (const [name, value] of Object.entries(replacements)) {
    Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: true })
  }
  Object.defineProperty(target, 'goatee', { get: () => goatee, configurable: true, enumerable: true })

  const control: SealdCloudStandIn = {
    calls,
    account: () => (account ? { ...account } : null),
    failNext: (member, error = new Error(`Stand-in: injected failure of ${member}`)) => {
      failures.set(member, error)
    },
    holdAccountLock: () => {
      heldAccountLocks.add(accountLock)
      return () => heldAccountLocks.delete(accountLock)
    },
  }
  Object.defineProperty(target, 'cloudStandIn', { value: control, configurable: true, enumerable: false })
  return target as WithSealdCloudStandIn<T>
}

// The real SDK checks `Buffer.isBuffer` with ITS Buffer: the stand-in hands out and accepts that class.
function sdkBufferFactory(sdk: Record<string, unknown>): (bytes: Uint8Array) => Uint8Array {
  const BufferClass = sdkBufferClass(sdk)
  return (bytes) => (BufferClass ? BufferClass.from(bytes) : bytes)
}

function isSdkBuffer(sdk: Record<string, unknown>, value: unknown): boolean {
  const BufferClass = sdkBufferClass(sdk)
  return BufferClass ? BufferClass.isBuffer(value) : value instanceof Uint8Array
}

// Seald ids are opaque strings; UUIDs keep the stand-in's ids unique per test.
function randomId(): string {
  return globalThis.crypto.randomUUID()
}
