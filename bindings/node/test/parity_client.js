'use strict';

// Parity client for tests/parity/check.sh: the three webhook calls through
// libziggeo, with the parity arguments from the environment.

const { Client } = require('..');

async function main() {
  const env = process.env;
  const client = new Client(env.ZIGGEO_PARITY_TOKEN, env.ZIGGEO_PARITY_KEY, {
    baseUrl: env.ZIGGEO_PARITY_BASE_URL,
  });
  try {
    console.log(await client.webhooks.create({
      targetUrl: env.ZIGGEO_PARITY_TARGET_URL,
      encoding: env.ZIGGEO_PARITY_ENCODING,
      events: env.ZIGGEO_PARITY_EVENTS,
    }));
    console.log(await client.webhooks.confirm({
      webhookId: env.ZIGGEO_PARITY_WEBHOOK_ID,
      validationCode: env.ZIGGEO_PARITY_CODE,
    }));
    console.log(await client.webhooks.delete({ targetUrl: env.ZIGGEO_PARITY_TARGET_URL }));
  } finally {
    client.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
