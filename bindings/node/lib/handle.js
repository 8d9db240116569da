'use strict';

// Ownership of one C handle: borrowed by calls, freed exactly once.
//
// A handle must not be freed while a Promise call still uses it on a koffi
// worker thread. An OwnedHandle counts the calls in flight: close() rejects
// new calls at once and frees the handle when the last call in flight ends.
// close() may be called any number of times. A FinalizationRegistry frees
// handles whose owner was garbage-collected without close().

const { invalidArgument } = require('./errors');

const registry = new FinalizationRegistry((handle) => handle.close());

class OwnedHandle {
  /**
   * Takes ownership of `pointer`, to be freed with `free`, on behalf of
   * `owner`; the finaliser closes it once `owner` is garbage-collected.
   */
  constructor(owner, pointer, free, kind) {
    this.pointer = pointer;
    this.free = free;
    this.kind = kind;
    this.inFlight = 0;
    this.closed = false;
    registry.register(owner, this, this);
  }

  /** Lends the pointer to one call; release() must follow exactly once. */
  acquire() {
    if (this.closed) {
      throw invalidArgument(this.kind, `this ${this.kind} is closed; create a new one`);
    }
    this.inFlight += 1;
    return this.pointer;
  }

  /** Ends one call's loan, freeing the handle if it was closed meanwhile. */
  release() {
    this.inFlight -= 1;
    this.freeIfIdle();
  }

  /** Frees the handle now, or when the last call in flight ends; idempotent. */
  close() {
    if (!this.closed) registry.unregister(this);
    this.closed = true;
    this.freeIfIdle();
  }

  freeIfIdle() {
    if (this.closed && this.inFlight === 0 && this.pointer !== null) {
      const pointer = this.pointer;
      this.pointer = null;
      this.free(pointer);
    }
  }
}

module.exports = { OwnedHandle };
