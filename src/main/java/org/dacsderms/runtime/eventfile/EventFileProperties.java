package org.dacsderms.runtime.eventfile;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the two event file flows. Segment size and parallelism are business settings and live in the
 * ConfigProps lookup ({@code event.file.segment.size}, {@code event.file.segment.parallelism}).
 *
 * @param maxFileSize largest CSV file taken (bytes, or 500MB, 2GB); a larger upload answers 413 (default 2GB)
 * @param maxMessageSize largest {@code message} part taken; a larger one answers 413 (default 16KB)
 * @param concurrentFiles files processed at once; more wait their turn in staging (default 2)
 * @param retention how long a staged file is kept after DERMS was acknowledged (default 0: removed at once)
 * @param maxReportedRejections rejected rows listed one by one in the acknowledgment and the e-mail; every one is
 *     counted (default 1000)
 * @param maxReportedSegments failed segments listed one by one; every one is counted (default 1000)
 */
@Validated
@ConfigurationProperties("flows.event-files")
public record EventFileProperties(
        DataSize maxFileSize,
        DataSize maxMessageSize,
        @Min(1) Integer concurrentFiles,
        Duration retention,
        @Min(0) Integer maxReportedRejections,
        @Min(0) Integer maxReportedSegments) {

    public EventFileProperties {
        maxFileSize = maxFileSize == null ? DataSize.ofGigabytes(2) : maxFileSize;
        maxMessageSize = maxMessageSize == null ? DataSize.ofKilobytes(16) : maxMessageSize;
        concurrentFiles = concurrentFiles == null ? 2 : concurrentFiles;
        retention = retention == null ? Duration.ZERO : retention;
        maxReportedRejections = maxReportedRejections == null ? 1000 : maxReportedRejections;
        maxReportedSegments = maxReportedSegments == null ? 1000 : maxReportedSegments;
    }
}
