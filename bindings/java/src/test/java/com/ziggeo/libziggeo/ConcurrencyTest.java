package com.ziggeo.libziggeo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
    private static final int THREADS = 8;
    private static final int CALLS = 100;

    /** Eight threads share one client, alternating create and delete on a URL of their own. */
    @Test
    void threadsShareOneClient() throws Exception {
        Sandbox sandbox = Sandbox.get();
        sandbox.reset();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (Client client = sandbox.clientBuilder().build()) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String url = sandbox.target("/java/shared/" + t);
                results.add(pool.submit(() -> {
                    int succeeded = 0;
                    for (int i = 0; i < CALLS; i += 2) {
                        if (client.webhooks().create(url, "json", List.of("video_ready")).length() == 32) {
                            succeeded++;
                        }
                        if (client.webhooks().delete(url).equals("null")) {
                            succeeded++;
                        }
                    }
                    return succeeded;
                }));
            }

            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get(60, TimeUnit.SECONDS);
            }
            assertEquals(THREADS * CALLS, total);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Closing a client while other threads call it lets each call finish or fail cleanly. */
    @Test
    void closeWhileInUse() throws Exception {
        Sandbox sandbox = Sandbox.get();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Client client = sandbox.clientBuilder().build();
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                calls.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        try {
                            client.webhooks().confirm("0123456789abcdef0123456789abcdef", "123456");
                        } catch (HttpException expected) {
                            // 404 from the sandbox while the client is open.
                        } catch (InvalidArgumentException closed) {
                            return null;
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(20);
            client.close();
            for (Future<?> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(client.isClosed());
    }
}
