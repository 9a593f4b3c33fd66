package org.dacsderms.runtime.enrollmentsync;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.dacsderms.runtime.platform.message.DermsTime;

/**
 * Maps a DACS sync message to the DERMS enroll body (contract messages.md section 2): {@code syncRequestId} becomes
 * {@code dacsMessageId}, {@code startDateTime}/{@code endDateTime} become {@code startDateTimeISO}/
 * {@code endDateTimeISO} in the UTC form DERMS reads; everything else is copied.
 */
final class EnrollmentSyncMapper {

    private EnrollmentSyncMapper() {}

    static DermsEnrollment toDerms(EnrollmentSyncMessage.SendDetails sync) {
        return new DermsEnrollment(
                sync.syncRequestId(), sync.contactInfo(), subscription(sync.subscriptionInfo()), sync.locationInfo());
    }

    /** An ISO-8601 date-time in the DERMS form; a missing zone means UTC; null stays null. */
    static String dermsTime(String isoDateTime) {
        if (isoDateTime == null || isoDateTime.isBlank()) {
            return null;
        }
        return DermsTime.format(instant(isoDateTime));
    }

    static Instant instant(String isoDateTime) {
        try {
            return OffsetDateTime.parse(isoDateTime).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(isoDateTime).toInstant(ZoneOffset.UTC);
        }
    }

    private static DermsEnrollment.Subscription subscription(EnrollmentSyncMessage.SubscriptionInfo in) {
        if (in == null) {
            return null;
        }
        return new DermsEnrollment.Subscription(
                in.subscriptionId(),
                in.cisAccountId(),
                in.subscriptionType(),
                in.status(),
                in.programId(),
                in.programCode(),
                dermsTime(in.startDateTime()),
                dermsTime(in.endDateTime()));
    }
}
