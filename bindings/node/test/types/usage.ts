// Compiled by types.test.js with `tsc --noEmit`: the declarations accept
// the documented usage and reject misuse marked with @ts-expect-error.

import { Client, ZiggeoError, parseDelivery, type Delivery } from 'libziggeo';
import Ziggeo = require('libziggeo/compat');

async function usage(): Promise<void> {
  const client = new Client('token', 'key', { baseUrl: 'http://127.0.0.1:8080', timeout: 5 });
  const webhookId: string = await client.webhooks.create({ targetUrl: 'https://example.com/hook', encoding: 'json', events: ['video_ready'] });
  const body: string = client.webhooks.confirmSync({ webhookId, validationCode: '012345' });
  await client.webhooks.delete({ targetUrl: 'https://example.com/hook' });

  const delivery: Delivery = parseDelivery(new Uint8Array([123, 125]), body);
  if (delivery.kind === 'validation') await client.webhooks.confirmDelivery(delivery);
  const code: string | null = delivery.validationCode;

  try {
    client.webhooks.deleteSync({ targetUrl: 'https://example.com/hook' });
  } catch (error) {
    if (error instanceof ZiggeoError && error.httpStatus === 404) console.log(error.body, code);
  }

  // @ts-expect-error encoding must be json, jsonheader or form
  await client.webhooks.create({ targetUrl: 'https://example.com/hook', encoding: 'xml', events: 'video_ready' });
  // @ts-expect-error timeout is a number of seconds
  new Client('token', 'key', { timeout: '5' });
  client.close();

  const ziggeo = new Ziggeo('token', 'key', null, { baseUrl: 'http://127.0.0.1:8080' });
  ziggeo.Webhooks.create({ target_url: 'https://example.com/hook', encoding: 'json', events: 'video_ready' }, {
    success: (id: string) => console.log(id),
    failure: (error: ZiggeoError) => console.log(error.code),
  });
  ziggeo.Webhooks.destroy({ target_url: 'https://example.com/hook' }, (result: string) => console.log(result));
  ziggeo.close();
}

void usage;
