import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

const here = dirname(fileURLToPath(import.meta.url));

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Workspace packages ship TypeScript sources.
  transpilePackages: [
    '@inkproof/pki',
    '@inkproof/pdf',
    '@inkproof/evidence',
    '@inkproof/ink',
    '@inkproof/ink-capture',
    '@inkproof/idcard',
  ],
  // Native/WASM or heavy Node-only libraries stay out of the bundle and load from node_modules at run time.
  serverExternalPackages: [
    '@electric-sql/pglite',
    'pg',
    'pino',
    'pkijs',
    'asn1js',
    '@peculiar/x509',
    'reflect-metadata',
    'pdf-lib',
    '@pdf-lib/fontkit',
    'sm-crypto-v2',
    'qrcode',
    'tesseract.js',
    'sharp',
    'pkcs11js',
  ],
  // Workspace packages import their own files as `./x.js` (TypeScript's ESM convention); webpack maps that back to
  // `.ts`. Turbopack has no equivalent yet (vercel/next.js#82945), so builds use webpack (`next build --webpack`).
  webpack(webpackConfig) {
    webpackConfig.resolve.extensionAlias = { '.js': ['.ts', '.tsx', '.js'], '.mjs': ['.mts', '.mjs'] };
    return webpackConfig;
  },
  outputFileTracingRoot: join(here, '..'),
};

export default config;
