'use strict';

// parseDelivery on real deliveries from the sandbox, in every encoding.

const assert = require('node:assert/strict');
const { after, afterEach, before, beforeEach, test } = require('node:test');

const { Client, Delivery, DeliveryKind, Status, ZiggeoError, parseDelivery } = require('..');
const { APP_TOKEN, PRIVATE_KEY, Receiver, Sandbox } = require('./helpers');

let sandbox;
let receiver;
let client;

before(async () => {
  sandbox = await Sandbox.start();
});
after(() => sandbox.stop());
beforeEach(async () => {
  await sandbox.reset();
  receiver = await Receiver.start();
  client = new Client(APP_TOKEN, PRIVATE_KEY, { baseUrl: sandbox.baseUrl, timeout: 10 });
});
afterEach(async () => {
  client.close();
  await receiver.stop();
});

for (const encoding of ['json', 'jsonheader', 'form']) {
  test(`handshake in ${encoding} parses and confirms`, async () => {
    const webhookId = await client.webhooks.create({ targetUrl: `${receiver.url}/hook`, encoding, events: 'video_ready' });

    const pingRequest = await receiver.next();
    const ping = parseDelivery(pingRequest.body, pingRequest.contentType);
    const validationRequest = await receiver.next();
    const validation = parseDelivery(validationRequest.body, validationRequest.contentType);

    assert.equal(ping.kind, 'ping');
    assert.equal(ping.webhookId, null);
    assert.equal(validation.kind, 'validation');
    assert.equal(validation.webhookId, webhookId);
    assert.match(validation.validationCode, /^\d{6}$/);
    assert.equal(await client.webhooks.confirmDelivery(validation), 'true');
    assert.equal((await sandbox.webhooks())[0].confirmed, true);
  });

  test(`event in ${encoding} parses`, async () => {
    await client.webhooks.create({ targetUrl: receiver.url, encoding, events: 'video_ready' });
    await receiver.next();
    const validationRequest = await receiver.next();
    client.webhooks.confirmDeliverySync(parseDelivery(validationRequest.body, validationRequest.contentType));

    await sandbox.admin('POST', '/_sandbox/events', {
      event_type: 'video_ready',
      data: { video: { token: 'vid123', duration: 4 } },
    });
    const eventRequest = await receiver.next();
    const event = parseDelivery(eventRequest.body, eventRequest.contentType);

    assert.equal(event.kind, 'event');
    assert.equal(event.eventType, 'video_ready');
    assert.equal(event.validationCode, null);
    assert.equal(event.data.event_type, 'video_ready');
    assert.equal(event.data.data.video.token, 'vid123');
  });
}

test('validation code keeps its leading zero', () => {
  const delivery = parseDelivery(
    '{"ziggeo_validation": true, "validation_code": "012345", "webhook_id": "abc"}',
    'application/json',
  );

  assert.equal(delivery.validationCode, '012345');
  assert.equal(delivery.webhookId, 'abc');
  assert.ok(delivery instanceof Delivery);
});

test('form body nests PHP-style keys', () => {
  const delivery = parseDelivery(
    Buffer.from('event_type=video_ready&data%5Bvideo%5D%5Btoken%5D=abc'),
    'application/x-www-form-urlencoded; charset=UTF-8',
  );

  assert.deepEqual(delivery.data, { event_type: 'video_ready', data: { video: { token: 'abc' } } });
});

test('Uint8Array body is accepted', () => {
  const body = new TextEncoder().encode('{"event_type": "video_delete", "data": {}}');

  assert.equal(parseDelivery(body).eventType, 'video_delete');
});

test('invalid bodies throw INVALID_DELIVERY', () => {
  for (const body of ['', '{', 'not a delivery', '{"event_type": 5}', Buffer.from([0xff, 0xfe])]) {
    assert.throws(
      () => parseDelivery(body, typeof body === 'string' && body.startsWith('{') ? 'application/json' : null),
      (error) => {
        assert.ok(error instanceof ZiggeoError);
        assert.equal(error.status, Status.INVALID_DELIVERY);
        assert.equal(error.code, 'ZIGGEO_INVALID_DELIVERY');
        assert.match(error.message, /invalid webhook delivery/);
        return true;
      },
      JSON.stringify(body),
    );
  }
});

test('wrong body type throws', () => {
  assert.throws(() => parseDelivery(12345), /invalid body/);
  assert.throws(() => parseDelivery({ event_type: 'video_ready' }), /invalid body/);
});

test('confirmDelivery rejects an event and sends nothing', async () => {
  const event = parseDelivery('{"event_type": "video_ready", "data": {}}', 'application/json');
  const before = await sandbox.requestCount();

  await assert.rejects(client.webhooks.confirmDelivery(event), /invalid delivery/);
  assert.throws(() => client.webhooks.confirmDeliverySync(event), /invalid delivery/);
  assert.equal(await sandbox.requestCount(), before);
});

test('confirmDelivery rejects a closed delivery', async () => {
  const delivery = parseDelivery('{"ziggeo_validation": true, "validation_code": 123456, "webhook_id": "abc"}');
  delivery.close();
  delivery.close();

  await assert.rejects(client.webhooks.confirmDelivery(delivery), /delivery is closed/);
  assert.equal(delivery.validationCode, '123456');
});

test('confirmDelivery rejects other objects', () => {
  assert.throws(() => client.webhooks.confirmDeliverySync({ webhookId: 'abc' }), /expected a Delivery/);
});

test('DeliveryKind matches delivery.kind', () => {
  const delivery = parseDelivery(Buffer.from('{"ziggeo_validation":true,"validation_code":"012345","webhook_id":"w1"}'), 'application/json');
  assert.equal(delivery.kind, DeliveryKind.VALIDATION);
  delivery.close();
});
