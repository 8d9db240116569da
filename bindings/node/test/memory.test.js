'use strict';

// 10,000 calls run without a crash and with flat memory: owned strings,
// error objects and deliveries are freed. Each round handles about 8 KiB in
// C, so leaking any of them would grow RSS by tens of MiB.

const assert = require('node:assert/strict');
const { after, before, test } = require('node:test');
const v8 = require('node:v8');
const vm = require('node:vm');

const { Client, parseDelivery } = require('..');
const { APP_TOKEN, PRIVATE_KEY, Sandbox } = require('./helpers');

const CALLS = 10_000;
const WARMUP = 300;
const MAX_GROWTH = 10 * 1024 * 1024;
// The sandbox quotes the target URL in its 404 body, so this URL makes an 8 KiB error body.
const LONG_TARGET_URL = `http://127.0.0.1:1/${'x'.repeat(8192)}`;
const LARGE_DELIVERY = JSON.stringify({
  event_type: 'video_ready',
  data: { video: { token: 'abc', description: 'x'.repeat(8192) } },
});

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc');

let sandbox;

before(async () => {
  sandbox = await Sandbox.start();
});
after(() => sandbox.stop());

async function oneRound(client, index) {
  if (index % 2 === 0) {
    await assert.rejects(client.webhooks.delete({ targetUrl: LONG_TARGET_URL }), (error) => error.body.length > 8192);
  } else {
    const delivery = parseDelivery(LARGE_DELIVERY, 'application/json');
    assert.equal(delivery.data.data.video.token, 'abc');
    delivery.close();
  }
}

async function settledRss() {
  collectGarbage();
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  return process.memoryUsage().rss;
}

test('10,000 calls keep memory flat', async () => {
  const client = new Client(APP_TOKEN, PRIVATE_KEY, { baseUrl: sandbox.baseUrl });
  try {
    for (let index = 0; index < WARMUP; index += 1) await oneRound(client, index);
    const before = await settledRss();

    for (let index = 0; index < CALLS; index += 1) await oneRound(client, index);
    const growth = (await settledRss()) - before;

    assert.ok(growth < MAX_GROWTH, `RSS grew by ${(growth / 1024 / 1024).toFixed(1)} MiB over ${CALLS} calls`);
  } finally {
    client.close();
  }
});
