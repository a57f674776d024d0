/**
 * A child process serving the emulator on a data file, so a test can SIGKILL it mid-write.
 * Prints one JSON line `{ url, appId, apiKey }` once listening.
 */
import { startEmulator } from '../../../src/emulator/index'

const dataFile = process.argv[2]
if (!dataFile) throw new Error('usage: emulatorProcess.ts <data file>')
const emulator = await startEmulator({ dataFile, printOutbox: false })
process.stdout.write(`${JSON.stringify({ url: emulator.url, appId: emulator.appId, apiKey: emulator.apiKey })}\n`)
