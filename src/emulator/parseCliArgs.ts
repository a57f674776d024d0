import { parseArgs } from 'node:util'
import type { StartEmulatorOptions } from './types'

export const CLI_USAGE = `Usage: ssks-emulator [options]

A local SSKS (two-man rule) server for development and tests.

  --port <n>                  port to listen on (default 0: a free port)
  --host <addr>               interface to listen on (default 127.0.0.1)
  --app-id <uuid>             app id clients must send (default: random, or the data file's)
  --api-key <key>             back-end API key (default: random, or the data file's)
  --data <file>               keep state in this JSON file across restarts
  --sms-quota <n>             SMS challenges allowed before 406 SMSQuotaFailed (default: unlimited)
  --max-wrong-challenges <n>  wrong codes per session before 429 (default 5)
  --fake-otp[=mode]           always (bare flag): every challenge is aaaaaaaa;
                              allow (default): honour fake_otp in challenge_send; deny: refuse it
  --cors-origin <origin>      Access-Control-Allow-Origin (default *)
  --dev-host <name>           another Host name the /__dev/ routes answer under (repeatable;
                              default: localhost, 127.0.0.1, [::1] and the --host given)
  --max-wrong-challenges-per-user <n>
                              wrong codes per user, across sessions, per window (default 10)
  --wrong-challenge-window-ms <ms>
                              window of that limit (default 3600000: 1 hour)
  --session-lifetime-ms <ms>  lifetime of a challenge_send session (default 86400000: 24 h)
  --validated-session-lifetime-ms <ms>
                              lifetime of a validated session (default 3600000: 1 hour)
  --max-sessions-per-user <n> sessions a user holds at once; a new one ends the oldest (default 20)
  --outbox-limit <n>          sent codes kept in the outbox, oldest dropped (default 1000)
  --quiet                     do not print sent challenges
  -h, --help                  show this help
`

export type CliCommand = { help: true } | { help: false; options: StartEmulatorOptions; quiet: boolean }

/** Parses the CLI's arguments; throws an Error with a readable message on bad input. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  // `--fake-otp` with no value means "always"; parseArgs has no optional values, so spell it out.
  const args = argv.map((arg, i) =>
    arg === '--fake-otp' && (argv[i + 1] === undefined || argv[i + 1]!.startsWith('-')) ? '--fake-otp=always' : arg,
  )
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'app-id': { type: 'string' },
      'api-key': { type: 'string' },
      data: { type: 'string' },
      'sms-quota': { type: 'string' },
      'max-wrong-challenges': { type: 'string' },
      'fake-otp': { type: 'string' },
      'cors-origin': { type: 'string' },
      'dev-host': { type: 'string', multiple: true },
      'max-wrong-challenges-per-user': { type: 'string' },
      'wrong-challenge-window-ms': { type: 'string' },
      'session-lifetime-ms': { type: 'string' },
      'validated-session-lifetime-ms': { type: 'string' },
      'max-sessions-per-user': { type: 'string' },
      'outbox-limit': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return { help: true }

  const options: StartEmulatorOptions = {}
  if (values.port !== undefined) options.port = integer('--port', values.port, 0, 65535)
  if (values.host !== undefined) options.host = values.host
  if (values['app-id'] !== undefined) options.appId = nonEmpty('--app-id', values['app-id'])
  if (values['api-key'] !== undefined) options.apiKey = nonEmpty('--api-key', values['api-key'])
  if (values.data !== undefined) options.dataFile = nonEmpty('--data', values.data)
  if (values['sms-quota'] !== undefined)
    options.smsQuota = integer('--sms-quota', values['sms-quota'], 0, Number.MAX_SAFE_INTEGER)
  if (values['max-wrong-challenges'] !== undefined) {
    options.maxWrongChallenges = integer('--max-wrong-challenges', values['max-wrong-challenges'], 1, 1_000_000)
  }
  if (values['fake-otp'] !== undefined) {
    const mode = values['fake-otp']
    if (mode !== 'always' && mode !== 'allow' && mode !== 'deny')
      throw new Error('--fake-otp must be always, allow or deny')
    options.fakeOtp = mode === 'always' ? 'always' : mode === 'allow'
  }
  if (values['cors-origin'] !== undefined) options.corsOrigin = nonEmpty('--cors-origin', values['cors-origin'])
  if (values['dev-host'] !== undefined)
    options.devHosts = values['dev-host'].map((host) => nonEmpty('--dev-host', host))
  const count = (flag: string, text: string | undefined) =>
    text === undefined ? undefined : integer(flag, text, 1, 1_000_000_000)
  const ms = (flag: string, text: string | undefined) =>
    text === undefined ? undefined : integer(flag, text, 1, Number.MAX_SAFE_INTEGER)
  const limits: Partial<StartEmulatorOptions> = {
    maxWrongChallengesPerUser: count('--max-wrong-challenges-per-user', values['max-wrong-challenges-per-user']),
    wrongChallengeWindowMs: ms('--wrong-challenge-window-ms', values['wrong-challenge-window-ms']),
    sessionLifetimeMs: ms('--session-lifetime-ms', values['session-lifetime-ms']),
    validatedSessionLifetimeMs: ms('--validated-session-lifetime-ms', values['validated-session-lifetime-ms']),
    maxSessionsPerUser: count('--max-sessions-per-user', values['max-sessions-per-user']),
    outboxLimit: count('--outbox-limit', values['outbox-limit']),
  }
  for (const [key, value] of Object.entries(limits)) if (value !== undefined) Object.assign(options, { [key]: value })
  return { help: false, options, quiet: values.quiet === true }
}

function integer(flag: string, text: string, min: number, max: number): number {
  const value = Number(text)
  if (!/^\d+$/.test(text) || value < min || value > max)
    throw new Error(`${flag} must be an integer from ${min} to ${max}`)
  return value
}

function nonEmpty(flag: string, text: string): string {
  if (text.trim() === '') throw new Error(`${flag} must not be empty`)
  return text
}
