import { spawn } from 'node:child_process'
import { createServer } from 'node:net'

export interface RunningProcess {
  /** The first capture of `ready`, e.g. the URL a server printed. */
  ready: string
  output(): string
  stop(): Promise<void>
}

/**
 * Starts a long-running server in its own process group and waits until its output matches `ready`.
 * `stop()` ends that group by its id only (npx/next start children included).
 */
export function startProcess(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; ready: RegExp; timeoutMs?: number },
): Promise<RunningProcess> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, 'SIGTERM')
      } catch {
        // Already gone.
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))])
    }
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop()
      reject(
        new Error(
          `${command} ${args.join(' ')} did not print ${options.ready} within ${options.timeoutMs ?? 60_000} ms:\n${output.slice(-3000)}`,
        ),
      )
    }, options.timeoutMs ?? 60_000)
    const onData = (chunk: Buffer) => {
      output += chunk
      const match = options.ready.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve({ ready: match[1] ?? match[0], output: () => output, stop })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${command} ${args.join(' ')} exited ${code} before it was ready:\n${output.slice(-3000)}`))
    })
  })
}

/**
 * A port free on 127.0.0.1 right now (for servers whose URL must be known before they start, e.g. inlined at build
 * time).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** Waits until `url` answers an HTTP status below 500. */
export async function waitForHTTP(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      const response = await fetch(url)
      await response.body?.cancel()
      if (response.status < 500) return
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
