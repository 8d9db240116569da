'use strict';
// The shared part of the Node.js benchmark drivers.
//
// A driver passes main() a name and a connect(config) function. connect
// loads its client library and returns { create(targetUrl),
// confirm(webhookId, validationCode), delete(targetUrl) }, each returning
// the response body as a string, or a Promise of it; the time connect takes
// is the reported load-and-create time. With `concurrent` set, THREADS
// asynchronous loops share the client, which is how a Node.js program runs
// calls in parallel. Without it the calls are synchronous, so THREADS must
// be 1. The calls come from the ZIGGEO_BENCH_* environment variables
// described in benches/README.md, and one JSON line of results goes to
// stdout. A failed call or an unexpected body ends the run with exit status 1.

const fs = require('fs');

function readConfig() {
  const env = process.env;
  const required = (name) => {
    if (!env[name]) {
      throw new Error(`missing environment variable ${name}; see benches/README.md`);
    }
    return env[name];
  };
  const config = {
    baseUrl: required('ZIGGEO_BENCH_BASE_URL'),
    caFile: env.ZIGGEO_BENCH_CA_FILE || null,
    appToken: required('ZIGGEO_BENCH_APP_TOKEN'),
    privateKey: required('ZIGGEO_BENCH_PRIVATE_KEY'),
    op: env.ZIGGEO_BENCH_OP || 'create',
    calls: Number(env.ZIGGEO_BENCH_CALLS || 1000),
    warmup: Number(env.ZIGGEO_BENCH_WARMUP || 20),
    threads: Number(env.ZIGGEO_BENCH_THREADS || 1),
    targetUrl: required('ZIGGEO_BENCH_TARGET_URL'),
    encoding: env.ZIGGEO_BENCH_ENCODING || 'json',
    events: env.ZIGGEO_BENCH_EVENTS || 'video_ready',
    webhookId: env.ZIGGEO_BENCH_WEBHOOK_ID || '',
    validationCode: env.ZIGGEO_BENCH_VALIDATION_CODE || '',
  };
  if (!['create', 'confirm', 'delete'].includes(config.op)) {
    throw new Error(`ZIGGEO_BENCH_OP=${config.op}; use create, confirm or delete`);
  }
  if (!(config.calls >= 1) || !(config.threads >= 1 && config.threads <= 64)) {
    throw new Error('ZIGGEO_BENCH_CALLS must be at least 1 and ZIGGEO_BENCH_THREADS 1 to 64');
  }
  return config;
}

function rssKb() {
  const match = /^VmRSS:\s+(\d+)/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) : -1;
}

function cpuSeconds() {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

function nowSeconds() {
  return Number(process.hrtime.bigint()) / 1e9;
}

// Nearest-rank percentile of sorted seconds, in microseconds.
function percentileUs(sorted, fraction) {
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1] * 1e6;
}

function checkBody(index, body, expected) {
  const ok = expected === null ? typeof body === 'string' && body.length === 32 : body === expected;
  if (!ok) {
    throw new Error(`call ${index} returned an unexpected body: ${JSON.stringify(body)}`);
  }
}

// Returns a function that makes call number `index` and checks its body.
function caller(config, client, deleteUrls) {
  if (config.op === 'create') {
    return (index) => settle(client.create(config.targetUrl), (body) => checkBody(index, body, null));
  }
  if (config.op === 'confirm') {
    return (index) => settle(client.confirm(config.webhookId, config.validationCode),
      (body) => checkBody(index, body, 'true'));
  }
  return (index) => settle(client.delete(deleteUrls[index]), (body) => checkBody(index, body, 'null'));
}

// Applies `check` to a body or to a Promise of one, without adding a tick to sync calls.
function settle(result, check) {
  return result instanceof Promise ? result.then(check) : check(result);
}

async function runCalls(call, first, calls, threads, concurrent) {
  const latencies = [];
  if (!concurrent) {
    for (let index = first; index < first + calls; index++) {
      const began = nowSeconds();
      call(index);
      latencies.push(nowSeconds() - began);
    }
    return latencies;
  }
  let next = first;
  const loop = async () => {
    while (next < first + calls) {
      const index = next++;
      const began = nowSeconds();
      await call(index);
      latencies.push(nowSeconds() - began);
    }
  };
  await Promise.all(Array.from({ length: threads }, loop));
  return latencies;
}

async function run(name, connect, concurrent) {
  const config = readConfig();
  if (!concurrent && config.threads !== 1) {
    throw new Error(`${name} makes synchronous calls, so ZIGGEO_BENCH_THREADS must be 1`);
  }
  const initStart = nowSeconds();
  const client = connect(config);
  const initMs = (nowSeconds() - initStart) * 1e3;

  const deleteUrls = [];
  if (config.op === 'delete') {
    // One webhook per call, at TARGET_URL/INDEX, made before the clock starts.
    for (let index = 0; index < config.warmup + config.calls; index++) {
      const url = `${config.targetUrl}/${index}`;
      checkBody(index, await client.create(url), null);
      deleteUrls.push(url);
    }
  }
  const call = caller(config, client, deleteUrls);
  for (let index = 0; index < config.warmup; index++) {
    await call(index);
  }

  const rssBefore = rssKb();
  const cpuStart = cpuSeconds();
  const wallStart = nowSeconds();
  const latencies = await runCalls(call, config.warmup, config.calls, config.threads, concurrent);
  const wall = nowSeconds() - wallStart;
  const cpu = cpuSeconds() - cpuStart;
  const rssAfter = rssKb();

  latencies.sort((a, b) => a - b);
  return {
    client: name,
    op: config.op,
    threads: config.threads,
    calls: config.calls,
    wall_s: wall,
    cpu_s: cpu,
    p50_us: percentileUs(latencies, 0.5),
    p99_us: percentileUs(latencies, 0.99),
    init_ms: initMs,
    rss_before_kb: rssBefore,
    rss_after_kb: rssAfter,
  };
}

function main(name, connect, { concurrent }) {
  run(name, connect, concurrent).then(
    (result) => {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      process.exit(0); // an SDK's idle keep-alive sockets would hold the process open
    },
    (error) => {
      process.stderr.write(`bench-${name}: ${error.message}\n`);
      process.exit(1);
    },
  );
}

module.exports = { main };
