package com.ziggeo.libziggeo;

import java.util.Arrays;

/**
 * The three webhook calls through the Java binding for
 * tests/parity/check.sh, with the arguments it puts in the environment.
 * {@link ParityTest} runs the check with this class as the client.
 */
public final class ParityClient {
    private ParityClient() {}

    public static void main(String[] args) {
        String targetUrl = System.getenv("ZIGGEO_PARITY_TARGET_URL");
        try (Client client = Client.builder(System.getenv("ZIGGEO_PARITY_TOKEN"), System.getenv("ZIGGEO_PARITY_KEY"))
                .baseUrl(System.getenv("ZIGGEO_PARITY_BASE_URL")).build()) {
            System.out.println(client.webhooks().create(targetUrl, System.getenv("ZIGGEO_PARITY_ENCODING"),
                    Arrays.asList(System.getenv("ZIGGEO_PARITY_EVENTS").split(",", -1))));
            System.out.println(client.webhooks().confirm(System.getenv("ZIGGEO_PARITY_WEBHOOK_ID"),
                    System.getenv("ZIGGEO_PARITY_CODE")));
            System.out.println(client.webhooks().delete(targetUrl));
        } catch (ZiggeoException error) {
            System.err.println("parity client failed: " + error.getMessage());
            System.exit(1);
        }
    }
}
