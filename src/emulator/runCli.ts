import { CLI_USAGE, parseCliArgs } from './parseCliArgs'
import { startEmulator } from './startEmulator'

interface CliIO {
  out: (line: string) => void
  err: (line: string) => void
  exit: (code: number) => void
}

const processIO: CliIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  exit: (code) => process.exit(code),
}

/**
 * The `ssks-emulator` command: starts the emulator, prints its URL and credentials and every
 * challenge it sends, and closes cleanly on SIGINT/SIGTERM.
 */
export async function runCli(argv: readonly string[], io: CliIO = processIO): Promise<void> {
  let command
  try {
    command = parseCliArgs(argv)
  } catch (error) {
    io.err(`ssks-emulator: ${(error as Error).message}\n\n${CLI_USAGE}`)
    return io.exit(2)
  }
  if (command.help) {
    io.out(CLI_USAGE)
    return
  }

  let emulator
  try {
    emulator = await startEmulator({ ...command.options, printOutbox: command.quiet ? false : io.out })
  } catch (error) {
    io.err(`ssks-emulator: ${(error as Error).message}`)
    return io.exit(1)
  }
  io.out(`SSKS emulator listening on ${emulator.url}`)
  io.out(`  appId:  ${emulator.appId}`)
  io.out(`  apiKey: ${emulator.apiKey}`)
  io.out(`  data:   ${command.options.dataFile ?? '(in memory)'}`)
  io.out(`  outbox: ${emulator.url}__dev/outbox`)

  let stopping = false
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return
    stopping = true
    io.out(`ssks-emulator: ${signal} received, stopping`)
    emulator.close().then(
      () => io.exit(0),
      (error: unknown) => {
        io.err(`ssks-emulator: error while stopping: ${(error as Error).message}`)
        io.exit(1)
      },
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
