import { gzipSync } from 'node:zlib'

/** Bytes after gzip -9, the usual "gzip size" of a bundle. */
export const gzipSize = (code: string | Uint8Array): number => gzipSync(code, { level: 9 }).length
