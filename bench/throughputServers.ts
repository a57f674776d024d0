/**
 * Child process of the throughput benchmark: serves the emulator and the bare node:http server,
 * so the load generator (parent) does not share their event loop. Prints one JSON line with the
 * URLs and credentials, then runs until its stdin closes.
 */
import { startEmulator } from '../src/emulator/index'
import { startBareServer } from './startBareServer'
import { THROUGHPUT_DATA_B64 } from './throughputData'

const emulator = await startEmulator()
const bare = await startBareServer(THROUGHPUT_DATA_B64)
process.stdout.write(
  `${JSON.stringify({ emulatorUrl: emulator.url, bareUrl: bare.url, appId: emulator.appId, apiKey: emulator.apiKey })}\n`,
)
process.stdin.resume()
process.stdin.on('end', async () => {
  await emulator.close()
  await bare.close()
  process.exit(0)
})
