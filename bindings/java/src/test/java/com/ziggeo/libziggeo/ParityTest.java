package com.ziggeo.libziggeo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs tests/parity/check.sh, which compares the bytes ParityClient sends with the official Python SDK's. */
class ParityTest {
    @Test
    void sendsSameBytesAsOfficialSdk() throws Exception {
        String check = System.getenv("ZIGGEO_PARITY_CHECK");
        if (check == null || check.isEmpty()) {
            throw new IllegalStateException("ZIGGEO_PARITY_CHECK is not set; run the tests with `make test-java`");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(check, java, "-cp", System.getProperty("java.class.path"),
                ParityClient.class.getName()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);

        assertTrue(finished, "check.sh did not finish in 120 s");
        assertEquals(0, process.exitValue(), output);
    }
}
