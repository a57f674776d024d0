/** The `ssks-emulator` CLI: argument parsing, and a smoke test of the real process over HTTP. */
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCliArgs } from '../../src/emulator/parseCliArgs'
import { runCli } from '../../src/emulator/runCli'
import { email, emulatorClient } from './emulatorClient'

const repo = resolve(__dirname, '../..')

describe('parseCliArgs', () => {
  it('maps every flag to an option', () => {
    const parsed = parseCliArgs([
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--app-id',
      'A',
      '--api-key',
      'K',
      '--data',
      '/tmp/x.json',
      '--sms-quota',
      '3',
      '--max-wrong-challenges',
      '2',
      '--fake-otp=deny',
      '--cors-origin',
      'http://o',
      '--quiet',
    ])
    expect(parsed).toEqual({
      help: false,
      quiet: true,
      options: {
        port: 0,
        host: '127.0.0.1',
        appId: 'A',
        apiKey: 'K',
        dataFile: '/tmp/x.json',
        smsQuota: 3,
        maxWrongChallenges: 2,
        fakeOtp: false,
        corsOrigin: 'http://o',
      },
    })
  })

  it('maps the hardening limits, and --dev-host as often as given', () => {
    const parsed = parseCliArgs([
      '--dev-host',
      'devbox.lan',
      '--dev-host',
      '192.168.1.20',
      '--max-wrong-challenges-per-user',
      '4',
      '--wrong-challenge-window-ms',
      '60000',
      '--session-lifetime-ms',
      '7200000',
      '--validated-session-lifetime-ms',
      '600000',
      '--max-sessions-per-user',
      '3',
      '--outbox-limit',
      '50',
    ])
    expect(parsed).toEqual({
      help: false,
      quiet: false,
      options: {
        devHosts: ['devbox.lan', '192.168.1.20'],
        maxWrongChallengesPerUser: 4,
        wrongChallengeWindowMs: 60000,
        sessionLifetimeMs: 7200000,
        validatedSessionLifetimeMs: 600000,
        maxSessionsPerUser: 3,
        outboxLimit: 50,
      },
    })
  })

  it('reads a bare --fake-otp as "always"', () => {
    expect(parseCliArgs(['--fake-otp'])).toMatchObject({ options: { fakeOtp: 'always' } })
    expect(parseCliArgs(['--fake-otp', '--port', '1'])).toMatchObject({ options: { fakeOtp: 'always', port: 1 } })
    expect(parseCliArgs(['--fake-otp', 'allow'])).toMatchObject({ options: { fakeOtp: true } })
  })

  it.each([
    [['--port', '70000']],
    [['--port', 'abc']],
    [['--sms-quota', '-1']],
    [['--fake-otp=maybe']],
    [['--app-id', ' ']],
    [['--unknown']],
    [['positional']],
    [['--max-sessions-per-user', '0']],
    [['--outbox-limit', '0']],
    [['--session-lifetime-ms', '0']],
    [['--dev-host', ' ']],
  ])('refuses %j', (argv) => {
    expect(() => parseCliArgs(argv)).toThrow()
  })

  it('prints usage and exits 2 on bad arguments, and usage on --help', async () => {
    const out: string[] = []
    const err: string[] = []
    const codes: number[] = []
    const io = {
      out: (l: string) => out.push(l),
      err: (l: string) => err.push(l),
      exit: (c: number) => void codes.push(c),
    }
    await runCli(['--port', 'x'], io)
    expect(codes).toEqual([2])
    expect(err.join('\n')).toMatch(/--port must be an integer[\s\S]*Usage: ssks-emulator/)
    await runCli(['--help'], io)
    expect(out.join('\n')).toContain('Usage: ssks-emulator')
  })
})

describe('ssks-emulator process', () => {
  it('prints its URL and credentials, serves the protocol, prints sent challenges, stops on SIGTERM', async () => {
    // tsx's own bin (not npx) so the signal reaches the process that owns the server.
    const child = spawn(
      resolve(repo, 'node_modules/.bin/tsx'),
      [
        'src/emulator/cli.ts',
        '--port',
        '0',
        '--app-id',
        'c6a1b2c3-0d4e-4f50-9a6b-7c8d9e0f1a2b',
        '--api-key',
        'cli-key',
      ],
      {
        cwd: repo,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
    try {
      // The banner's last line: the lines before it may arrive in separate chunks.
      await waitFor(
        () => (stdout.includes('outbox: ') ? true : undefined),
        () => `${stdout}${stderr}`,
      )
      const url = await waitFor(
        () => /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)?.[1],
        () => `${stdout}${stderr}`,
      )
      expect(stdout).toContain('appId:  c6a1b2c3-0d4e-4f50-9a6b-7c8d9e0f1a2b')
      expect(stdout).toContain('apiKey: cli-key')

      const ssks = emulatorClient({ url, appId: 'c6a1b2c3-0d4e-4f50-9a6b-7c8d9e0f1a2b', apiKey: 'cli-key' })
      const started = await ssks.startSession('cli-user', email('cli@example.com'), { force_auth: true })
      expect(started.challenge).toBeDefined()
      await waitFor(
        () => stdout.includes(started.challenge!) || undefined,
        () => stdout,
      )
      expect(stdout).toMatch(new RegExp(`challenge ${started.challenge} sent by email to cli@example.com`))
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
    expect(stdout).toContain('SIGTERM received, stopping')
    expect(stderr).toBe('')
  })
})

async function waitFor<T>(probe: () => T | undefined, describe: () => string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out; output so far:\n${describe()}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}
