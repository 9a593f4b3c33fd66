package org.dacsderms.runtime.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** What {@code make run} adds for the device score transfers: a score file in each store, and short schedules. */
final class DeviceScoreSamples {

    static final String SAMPLE = "SDCSE_20260601_0001.csv";

    private DeviceScoreSamples() {}

    /** Puts the contract's example score file on the FTP server and in the bucket. */
    static void seed(Sandbox sandbox) throws IOException {
        byte[] sample = Files.readAllBytes(Path.of("samples", SAMPLE));
        // A previous start left the sample marked; without this the new copy could not be renamed onto it.
        for (String marked : new String[] {"Sent-" + SAMPLE, "Error-" + SAMPLE}) {
            sandbox.ftp().delete(marked);
            sandbox.objectStore().delete(marked);
        }
        sandbox.ftp().put(SAMPLE, sample);
        sandbox.objectStore().put(SAMPLE, sample);
    }

    /** Both transfers every 30 seconds (10 s apart), so the seeded files travel soon after the start. */
    static void schedule(Map<String, Object> defaults) {
        defaults.put("flows.device-score-ftp.cron", "10/30 * * * * ?");
        defaults.put("flows.device-score-object-storage.cron", "20/30 * * * * ?");
    }
}
