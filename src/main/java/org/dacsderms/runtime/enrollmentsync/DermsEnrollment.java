package org.dacsderms.runtime.enrollmentsync;

/**
 * The body of DERMS {@code /enroll}: the sync's sections at the top level, the sync request id as
 * {@code dacsMessageId}, and the subscription dates as UTC {@code ...ISO} timestamps. Contact, location and devices
 * travel unchanged.
 */
public record DermsEnrollment(
        String dacsMessageId,
        EnrollmentSyncMessage.ContactInfo contactInfo,
        Subscription subscriptionInfo,
        EnrollmentSyncMessage.LocationInfo locationInfo) {

    public record Subscription(
            String subscriptionId,
            String cisAccountId,
            String subscriptionType,
            String status,
            String programId,
            String programCode,
            String startDateTimeISO,
            String endDateTimeISO) {}
}
