'use strict';

// Conversions of JS values to C arguments. A value C cannot carry is
// rejected with an invalid-argument ZiggeoError; every other check is left
// to the core.

const { invalidArgument } = require('./errors');

const UINT32_MAX = 2 ** 32 - 1;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Checks a string for C: a NUL character would silently cut it, so it is rejected. */
function cString(value, parameter) {
  if (value === undefined || value === null) {
    throw invalidArgument(parameter, 'it is missing; pass a string');
  }
  if (typeof value !== 'string') {
    throw invalidArgument(parameter, `expected a string, got ${describe(value)}`);
  }
  if (value.includes('\0')) {
    throw invalidArgument(parameter, 'it contains a NUL character; remove it');
  }
  if (LONE_SURROGATE.test(value)) {
    throw invalidArgument(parameter, 'it contains a lone surrogate; pass valid Unicode text');
  }
  return value;
}

/** Like cString, passing undefined and null through as NULL. */
function optionalCString(value, parameter) {
  return value === undefined || value === null ? null : cString(value, parameter);
}

/**
 * Converts a number of seconds to whole milliseconds, rounded up so that a
 * small positive timeout stays positive; zero is rejected by the core.
 */
function milliseconds(seconds, parameter) {
  // The C option is a uint64 of milliseconds; past MAX_SAFE_INTEGER a JS
  // number no longer converts to it exactly.
  const millis = typeof seconds === 'number' ? Math.ceil(seconds * 1000) : NaN;
  if (!Number.isFinite(millis) || millis <= 0 || millis > Number.MAX_SAFE_INTEGER) {
    throw invalidArgument(
      parameter,
      `${describe(seconds)} is not a number of seconds above 0 and at most ${Number.MAX_SAFE_INTEGER / 1000}`,
    );
  }
  return millis;
}

/** Checks an unsigned 32-bit count. */
function count(value, parameter) {
  if (!Number.isInteger(value) || value < 0 || value > UINT32_MAX) {
    throw invalidArgument(parameter, `${describe(value)} is not an integer in 0..${UINT32_MAX}`);
  }
  return value;
}

/** Joins an array of event names with commas; a string passes through unchanged. */
function events(value) {
  if (!Array.isArray(value)) return cString(value, 'events');
  for (const name of value) {
    if (typeof name !== 'string') {
      throw invalidArgument('events', `expected string event names, got ${describe(name)}`);
    }
  }
  return cString(value.join(','), 'events');
}

function describe(value) {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
  return typeof value === 'object' ? value.constructor?.name || 'object' : typeof value;
}

module.exports = { cString, optionalCString, milliseconds, count, events };
