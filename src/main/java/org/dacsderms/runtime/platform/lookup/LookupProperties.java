package org.dacsderms.runtime.platform.lookup;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the lookup tables live.
 *
 * @param directory folder holding one {@code <table>.properties} file per lookup table
 * @param refreshInterval how often a read may look at the files again for edits; an edit applies to the next
 *     message that starts after this interval has passed
 */
@ConfigurationProperties("lookups")
public record LookupProperties(Path directory, Duration refreshInterval) {

    public LookupProperties {
        directory = directory == null ? Path.of("lookups") : directory;
        refreshInterval = refreshInterval == null ? Duration.ofSeconds(1) : refreshInterval;
    }
}
