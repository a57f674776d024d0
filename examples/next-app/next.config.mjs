/** @type {import('next').NextConfig} */
const nextConfig = {
  // The example is checked by its own tsc runs (bundler, node16, nodenext); keep `next build` to building.
  typescript: { ignoreBuildErrors: false },
}

export default nextConfig
