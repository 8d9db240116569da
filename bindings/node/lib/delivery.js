'use strict';

// The receiving side: parseDelivery() and the Delivery it returns.

const { lib, takeString } = require('./ffi');
const { check, invalidArgument } = require('./errors');
const { OwnedHandle } = require('./handle');
const convert = require('./convert');

/** The kinds of a delivery, as `delivery.kind` holds them. */
const DeliveryKind = Object.freeze({
  /** The reachability ping after create; respond to it with HTTP 200. */
  PING: 'ping',
  /** The validation call; respond 200 and pass it to webhooks.confirmDelivery(). */
  VALIDATION: 'validation',
  /** An event such as video_ready. */
  EVENT: 'event',
});

// ZiggeoDeliveryKind's numbers, as the C library returns them.
const KIND_NAMES = { 1: DeliveryKind.PING, 2: DeliveryKind.VALIDATION, 3: DeliveryKind.EVENT };

/**
 * A parsed webhook delivery; build one with parseDelivery().
 *
 * - `kind`: 'ping', 'validation' or 'event'.
 * - `eventType`: the event type of an event, such as 'video_ready', else null.
 * - `webhookId`: the webhook id of a validation call, else null.
 * - `validationCode`: the validation code of a validation call, as the digits
 *   that were sent ('012345' keeps its zero), else null.
 * - `data`: the whole delivery as one object, the same for every encoding
 *   except that form values are strings; an event's payload is `data.data`.
 *
 * The properties are copies. The object also owns the parsed C delivery,
 * which webhooks.confirmDelivery() uses; close() frees it, and a finaliser
 * does if close() is never called.
 */
class Delivery {
  constructor(pointer) {
    try {
      this.kind = KIND_NAMES[lib.ziggeo_delivery_kind(pointer)];
      this.eventType = lib.ziggeo_delivery_event_type(pointer);
      this.webhookId = lib.ziggeo_delivery_webhook_id(pointer);
      this.validationCode = lib.ziggeo_delivery_validation_code(pointer);
      const json = [null];
      check(lib.ziggeo_delivery_json, pointer, json);
      this.data = JSON.parse(takeString(json[0]));
    } catch (error) {
      lib.ziggeo_delivery_free(pointer);
      throw error;
    }
    Object.defineProperty(this, '_handle', {
      value: new OwnedHandle(this, pointer, lib.ziggeo_delivery_free, 'delivery'),
    });
  }

  /** Frees the C delivery; the properties stay readable. Idempotent. */
  close() {
    this._handle.close();
  }
}

/**
 * Parses the body of a request Ziggeo POSTed to a webhook's target URL.
 *
 * `body` is a Buffer, a Uint8Array or a string (encoded as UTF-8).
 * `contentType` is the request's Content-Type header, or null/undefined
 * when absent; case and parameters such as '; charset=UTF-8' do not matter.
 * Throws a ZiggeoError with code 'ZIGGEO_INVALID_DELIVERY' when the body is
 * not a delivery.
 */
function parseDelivery(body, contentType = null) {
  let bytes;
  if (typeof body === 'string') {
    bytes = Buffer.from(body, 'utf8');
  } else if (body instanceof Uint8Array) {
    bytes = body;
  } else {
    throw invalidArgument('body', 'expected a Buffer, a Uint8Array or a string');
  }
  const contentTypeArg = convert.optionalCString(contentType, 'contentType');

  const delivery = [null];
  check(lib.ziggeo_delivery_parse, contentTypeArg, bytes, bytes.length, delivery);
  return new Delivery(delivery[0]);
}

module.exports = { Delivery, DeliveryKind, parseDelivery };
