import type { ReactNode } from 'react'

export const metadata = { title: 'ssks-2mr-kit · Next.js example' }

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
