package com.ziggeo.libziggeo;

import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An owned native handle that is freed exactly once: by {@link #close()}, or
 * by the shared {@link Cleaner} once this handle becomes unreachable.
 *
 * <p>Calls run under a read lock and {@code close()} takes the write lock, so
 * the handle is never freed while a call on another thread uses it. The
 * Cleaner watches the handle itself, not the object that made it, because
 * views such as {@link Webhooks} keep only the handle; {@link #use} keeps the
 * handle reachable until its call returns, so the Cleaner cannot run during
 * one.
 */
final class NativeHandle {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Pointee pointee;
    private final Cleaner.Cleanable cleanable;
    private final String name;

    /**
     * Takes ownership of {@code pointer}, which {@code free} releases.
     * {@code name} is the handle's name in errors, such as "client".
     */
    NativeHandle(Pointer pointer, Consumer<Pointer> free, String name) {
        this.pointee = new Pointee(pointer, free);
        this.cleanable = Natives.CLEANER.register(this, pointee);
        this.name = name;
    }

    /** Runs {@code work} with the live pointer; throws InvalidArgumentException once closed. */
    <T> T use(Function<Pointer, T> work) {
        lock.readLock().lock();
        try {
            Pointer pointer = pointee.pointer;
            if (pointer == null) {
                throw Natives.invalidArgument("invalid " + name + ": it is closed; make a new one");
            }
            return work.apply(pointer);
        } finally {
            lock.readLock().unlock();
            Reference.reachabilityFence(this);
        }
    }

    /** Frees the handle after calls in progress end; later calls do nothing. */
    void close() {
        lock.writeLock().lock();
        try {
            cleanable.clean();
        } finally {
            lock.writeLock().unlock();
        }
    }

    boolean isClosed() {
        return pointee.pointer == null;
    }

    /** The cleaning action. It must not refer to the handle, or the handle would never become unreachable. */
    private static final class Pointee implements Runnable {
        private volatile Pointer pointer;
        private final Consumer<Pointer> free;

        Pointee(Pointer pointer, Consumer<Pointer> free) {
            this.pointer = pointer;
            this.free = free;
        }

        @Override
        public void run() {
            Pointer owned = pointer;
            pointer = null;
            if (owned != null) {
                free.accept(owned);
            }
        }
    }
}
