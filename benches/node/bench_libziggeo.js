'use strict';
// Benchmark driver for the libziggeo Node.js binding (bindings/node), which
// loads the C library from LIBZIGGEO_PATH unless a copy is bundled in the
// package. ZIGGEO_BENCH_NODE_MODE chooses the calls: "sync" (createSync and
// the other …Sync calls, one thread) or "promise" (create and the other
// Promise calls, THREADS of them in flight on one client). See harness.js
// for what the driver measures.

const path = require('path');
const { main } = require('./harness');

const mode = process.env.ZIGGEO_BENCH_NODE_MODE || 'sync';
if (mode !== 'sync' && mode !== 'promise') {
  process.stderr.write(`bench-node: ZIGGEO_BENCH_NODE_MODE=${mode}; use sync or promise\n`);
  process.exit(1);
}

function connect(config) {
  // Timed as part of loading the library.
  const { Client } = require(path.join(__dirname, '..', '..', 'bindings', 'node'));
  const client = new Client(config.appToken, config.privateKey, {
    baseUrl: config.baseUrl,
    caBundle: config.caFile ?? undefined,
    proxyFromEnv: false,
  });
  const webhooks = client.webhooks;
  const createArgs = (targetUrl) => ({ targetUrl, encoding: config.encoding, events: config.events });
  if (mode === 'sync') {
    return {
      create: (targetUrl) => webhooks.createSync(createArgs(targetUrl)),
      confirm: (webhookId, validationCode) => webhooks.confirmSync({ webhookId, validationCode }),
      delete: (targetUrl) => webhooks.deleteSync({ targetUrl }),
    };
  }
  return {
    create: (targetUrl) => webhooks.create(createArgs(targetUrl)),
    confirm: (webhookId, validationCode) => webhooks.confirm({ webhookId, validationCode }),
    delete: (targetUrl) => webhooks.delete({ targetUrl }),
  };
}

main(`node-${mode}`, connect, { concurrent: mode === 'promise' });
