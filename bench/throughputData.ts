/** About the size of a real exported identity once encrypted (BSON with two 4096-bit RSA keys). */
export const THROUGHPUT_DATA_B64 = Buffer.alloc(4800, 7).toString('base64')
