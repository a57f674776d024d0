/**
 * `npm start` as a new user runs it: the URL it prints, opened in Chromium, runs the live backup
 * (new user, no code) and, in a fresh browser, the live restore with the code from the outbox
 * panel. Then Ctrl-C (SIGINT to the whole process group, as a terminal sends it) stops every
 * process it started.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { createServer, connect } from 'node:net'
import { chromium, type Browser, type FrameLocator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumArgs, chromiumExecutable } from '../support/chromium'

let start: ChildProcess
let output = ''
let browser: Browser
let printed: { storybook: string; backupStory: string; restoreStory: string; emulator: string }

beforeAll(async () => {
  const port = await freePort()
  // Its own process group, like a terminal's foreground job: Ctrl-C reaches every process in it.
  start = spawn('node', ['scripts/start.mjs'], {
    detached: true,
    env: { ...process.env, STORYBOOK_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  start.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  start.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const line = (label: string) => new RegExp(`${label}\\s+(http://\\S+)`).exec(output)?.[1]
  await until(
    () => line('Storybook') !== undefined,
    60_000,
    () => `npm start printed no Storybook URL:\n${output}`,
  )
  const [backupStory, restoreStory] = [...output.matchAll(/(http:\/\/\S+\?path=\/story\/live-flows--\S+)/g)].map(
    (match) => match[1] ?? '',
  )
  printed = {
    storybook: line('Storybook') ?? '',
    backupStory: backupStory ?? '',
    restoreStory: restoreStory ?? '',
    emulator: line('SSKS emulator') ?? '',
  }
  await until(
    async () => (await fetch(new URL('index.json', printed.storybook)).catch(() => undefined))?.ok === true,
    120_000,
    () => `Storybook never answered:\n${output}`,
  )
  browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs, headless: true })
}, 240_000)

afterAll(async () => {
  await browser?.close()
  if (start?.exitCode === null && start.pid !== undefined) {
    try {
      process.kill(-start.pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
})

/** A fresh browser profile on the printed manager URL; the story runs in Storybook's preview iframe. */
async function openPrinted(url: string): Promise<FrameLocator> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  await page.goto(url)
  const story = page.frameLocator('#storybook-preview-iframe')
  await story.getByTestId('live-mode').waitFor({ timeout: 90_000 })
  expect(await story.getByTestId('live-mode').getAttribute('data-mode')).toBe('http')
  return story
}

describe('npm start', () => {
  const email = `npm-start-${crypto.randomUUID().slice(0, 8)}@example.com`

  it('prints Storybook on localhost and the live stories under it', () => {
    expect(printed.storybook).toMatch(/^http:\/\/localhost:\d+\/$/)
    expect(printed.backupStory).toBe(`${printed.storybook}?path=/story/live-flows--back-up-after-sign-up`)
    expect(printed.restoreStory).toBe(`${printed.storybook}?path=/story/live-flows--restore-on-a-new-device`)
  })

  it('backs up a new user at the printed URL, no code needed', async () => {
    const story = await openPrinted(printed.backupStory)
    await story.getByRole('textbox', { name: 'Email' }).fill(email)
    await story.getByRole('button', { name: 'Sign up' }).click()
    await story.getByText('Your identity is backed up.').waitFor({ timeout: 30_000 })
    await expect(story.getByTestId('backup-result').textContent()).resolves.toContain(email)
  })

  it('restores in a fresh browser with the code from the outbox panel', async () => {
    const story = await openPrinted(printed.restoreStory)
    await story.getByRole('textbox', { name: 'Email' }).fill(email)
    await story.getByRole('button', { name: 'Sign in' }).click()
    const field = story.getByRole('textbox', { name: 'Verification code' })
    await field.waitFor({ timeout: 30_000 })
    const code =
      (await story.locator('[data-latest] [data-testid="outbox-code"]').textContent({ timeout: 15_000 })) ?? ''
    expect(code).toMatch(/^[a-z2-9]{8}$/)
    await field.pressSequentially(code, { delay: 30 })
    await story.getByTestId('restore-result').waitFor({ timeout: 30_000 })
    await expect(story.getByTestId('result-backup').textContent()).resolves.toContain('keys renewed')
  })

  it('stops every process it started on Ctrl-C', async () => {
    const pid = start.pid as number
    const started = descendantsOf(pid)
    expect(started.length).toBeGreaterThan(0)
    const addresses = [new URL(printed.storybook), new URL(printed.emulator)]
    process.kill(-pid, 'SIGINT')
    await until(
      () => start.exitCode !== null || start.signalCode !== null,
      20_000,
      () => 'npm start did not exit',
    )
    await until(
      () => started.every((child) => !alive(child)),
      20_000,
      () => `still running: ${started.filter(alive).join(', ')}`,
    )
    // Both listen on 127.0.0.1 (Storybook resolves `localhost` there); a check of ::1 could meet another program.
    // Polled: a single probe of a port in the ephemeral range can, rarely, connect to itself.
    for (const { port } of addresses) {
      await until(
        async () => !(await listening('127.0.0.1', Number(port))),
        10_000,
        () => `port ${port} still answers`,
      )
    }
  })
})

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, message: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(message())
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

/** Every process below `pid`, read from /proc (Linux, as CI). */
function descendantsOf(pid: number): number[] {
  const parents = new Map<number, number>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      // Fields after the parenthesised command name: state, then the parent's pid.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      parents.set(Number(name), ppid)
    } catch {
      // exited while listing
    }
  }
  const found: number[] = []
  const visit = (parent: number) => {
    for (const [child, ppid] of parents) {
      if (ppid === parent) {
        found.push(child)
        visit(child)
      }
    }
  }
  visit(pid)
  return found
}

function alive(pid: number): boolean {
  try {
    // A zombie has exited; only a reaper is missing.
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ')
  } catch {
    return false
  }
}

function listening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host)
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })
}
