'use strict';
// Benchmark driver for the official Ziggeo Node.js SDK (npm `ziggeo` 0.1.26),
// installed by `make bench` under build/bench/node-official, whose path is in
// ZIGGEO_BENCH_NODE_OFFICIAL. The SDK has no base-URL option, so its
// server-API connection's base URI is replaced by ZIGGEO_BENCH_BASE_URL; it
// trusts the CA file in NODE_EXTRA_CA_CERTS, which the harness sets. Its calls
// take callbacks, which are wrapped in Promises and run concurrently for
// THREADS above 1. See harness.js for what the driver measures.

const path = require('path');
const { main } = require('./harness');

function connect(config) {
  const modules = process.env.ZIGGEO_BENCH_NODE_OFFICIAL;
  if (!modules) {
    throw new Error('missing environment variable ZIGGEO_BENCH_NODE_OFFICIAL; see benches/README.md');
  }
  const ZiggeoSdk = require(path.join(modules, 'node_modules', 'ziggeo'));
  const ziggeo = new ZiggeoSdk(config.appToken, config.privateKey);
  ziggeo.Connect.baseUri = config.baseUrl;
  const call = (method, data) => new Promise((resolve, reject) => {
    ziggeo.Webhooks[method](data, {
      success: resolve,
      failure: (error) => reject(new Error(`${method} failed: ${JSON.stringify(error)}`)),
    });
  });
  return {
    create: (targetUrl) => call('create', { target_url: targetUrl, encoding: config.encoding, events: config.events }),
    confirm: (webhookId, code) => call('confirm', { webhook_id: webhookId, validation_code: code }),
    delete: (targetUrl) => call('destroy', { target_url: targetUrl }),
  };
}

main('node-official', connect, { concurrent: true });
