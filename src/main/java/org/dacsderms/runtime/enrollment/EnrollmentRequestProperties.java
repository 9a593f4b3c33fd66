package org.dacsderms.runtime.enrollment;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Enrollment Request flow.
 *
 * @param parallelism DACS enroll calls in flight at once, across all batches (default 8)
 * @param maxConsecutiveFailures technical failures in a row after which a batch stops sending (default 5)
 */
@Validated
@ConfigurationProperties("flows.enrollment-request")
public record EnrollmentRequestProperties(@Min(1) Integer parallelism, @Min(1) Integer maxConsecutiveFailures) {

    public EnrollmentRequestProperties {
        parallelism = parallelism == null ? 8 : parallelism;
        maxConsecutiveFailures = maxConsecutiveFailures == null ? 5 : maxConsecutiveFailures;
    }
}
