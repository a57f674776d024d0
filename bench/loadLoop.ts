import { Agent, request } from 'node:http'

export interface LoadRequest {
  path: string
  headers: Record<string, string>
  body: string
}

/**
 * An autocannon-like closed loop: `concurrency` workers, each sending the next request as soon as
 * the previous answer is fully read, over keep-alive connections, for `durationMs`. Returns
 * completed requests per second (non-2xx counted separately so a broken target cannot look fast).
 */
export async function loadLoop(
  baseUrl: string,
  requests: LoadRequest[],
  { concurrency = 16, durationMs = 2000 }: { concurrency?: number; durationMs?: number } = {},
): Promise<{ rps: number; ok: number; failed: number }> {
  const url = new URL(baseUrl)
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency })
  let ok = 0
  let failed = 0
  const start = performance.now()
  const deadline = start + durationMs

  const worker = async (offset: number) => {
    for (let i = offset; performance.now() < deadline; i++) {
      const next = requests[i % requests.length]!
      const status = await send(agent, url, next)
      if (status >= 200 && status < 300) ok++
      else failed++
    }
  }
  await Promise.all(Array.from({ length: concurrency }, (_, index) => worker(index)))
  const elapsed = (performance.now() - start) / 1000
  agent.destroy()
  return { rps: ok / elapsed, ok, failed }
}

function send(agent: Agent, url: URL, { path, headers, body }: LoadRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path,
        method: 'POST',
        headers: { ...headers, 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}
