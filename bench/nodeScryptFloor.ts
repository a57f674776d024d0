import { randomBytes, scrypt } from 'node:crypto'

/**
 * ms per scrypt(N=16384, r=8, p=1, dkLen=64) with native node:crypto: the floor the browser candidates are set beside.
 */
export async function nodeScryptFloor(rounds: number): Promise<number[]> {
  const derive = () =>
    new Promise<void>((resolve, reject) =>
      scrypt('correct horse battery staple', randomBytes(64), 64, { N: 16384, r: 8, p: 1 }, (error) =>
        error ? reject(error) : resolve(),
      ),
    )
  await derive()
  const times: number[] = []
  for (let i = 0; i < rounds; i++) {
    const start = performance.now()
    await derive()
    times.push(performance.now() - start)
  }
  return times
}
