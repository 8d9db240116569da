'use strict';

// libziggeo: the Ziggeo server API's webhook calls, over the libziggeo C
// library. This package converts types, maps errors and owns C handles;
// every behaviour (argument checks, retries, parsing) lives in the library.

const { lib, libraryPath } = require('./lib/ffi');
const { Client } = require('./lib/client');
const { Delivery, DeliveryKind, parseDelivery } = require('./lib/delivery');
const { Status, ZiggeoError } = require('./lib/errors');
const { Webhooks } = require('./lib/webhooks');

/** Returns the version of the loaded C library, such as '0.1.0'. */
function libraryVersion() {
  return lib.ziggeo_version();
}

module.exports = {
  Client,
  Delivery,
  DeliveryKind,
  Status,
  Webhooks,
  ZiggeoError,
  libraryPath,
  libraryVersion,
  parseDelivery,
};
