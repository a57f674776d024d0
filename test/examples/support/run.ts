import { spawn } from 'node:child_process'

export interface RunResult {
  code: number | null
  output: string
  seconds: number
}

/** Runs a command to its end (stdout and stderr together), failing with its output when it fails. */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; allowFailure?: boolean },
): Promise<RunResult> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      const result = { code, output, seconds: (performance.now() - started) / 1000 }
      if (code !== 0 && !options.allowFailure)
        reject(new Error(`${command} ${args.join(' ')} (in ${options.cwd}) exited ${code}:\n${output.slice(-4000)}`))
      else resolve(result)
    })
  })
}
