/**
 * The one process `npm start` runs: validates the configuration, starts Next.js (console, kiosk/H5 assets, APIs,
 * SSE) on one port, warms up the application context (migrations, templates, demo data) and prints the URLs.
 */
import { createServer } from 'node:http';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { ConfigError, loadConfig } from './src/config';
import { DEMO_API_CLIENT, DEMO_STAFF } from './src/seed/demo-data';

const here = dirname(fileURLToPath(import.meta.url));

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const app = next({ dev: false, dir: here, hostname: config.host, port: config.port });
  await app.prepare();
  const handler = app.getRequestHandler();
  const server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      console.error('request failed', error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  // Idle keep-alive connections outlive the clients' own (Node's agent drops idle sockets after 5 s, proxies after
  // 60 s): with equal timeouts a client can reuse a socket the server is just closing and see ECONNRESET.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const local = `http://127.0.0.1:${config.port}`;
  const health = await fetch(`${local}/api/health`).then(async (r) => ({ ok: r.ok, body: await r.text() }));
  if (!health.ok) {
    console.error(`启动失败 / Start-up failed: ${health.body}`);
    server.close();
    process.exit(1);
  }
  const lines = [
    '',
    `inkproof is running — ${JSON.parse(health.body).database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL'}`,
    `  Staff console     ${config.publicUrl}/console`,
    `  Bedside kiosk     ${config.publicUrl}/kiosk`,
    `  HIS API (OpenAPI) ${config.publicUrl}/api/v1/openapi.json`,
    `  Health            ${config.publicUrl}/api/health`,
  ];
  if (config.seedDemo !== 'never') {
    lines.push('', 'Demo accounts (change or disable with INKPROOF_SEED_DEMO=never in production):');
    for (const s of DEMO_STAFF) lines.push(`  ${s.roles.join(',').padEnd(8)} ${s.username.padEnd(8)} / ${s.password}`);
    lines.push(`  HIS API key: ${DEMO_API_CLIENT.key}`);
  }
  console.log(lines.join('\n'));
  const stop = () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
