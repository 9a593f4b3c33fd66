package org.dacsderms.runtime.enrollmentsync;

import java.util.List;

/** What DACS posts to {@code /enrollment-sync}: one sync request (contract messages.md section 2). */
public record EnrollmentSyncMessage(SendDetails sendDetails) {

    public record SendDetails(
            String syncRequestId,
            ContactInfo contactInfo,
            SubscriptionInfo subscriptionInfo,
            LocationInfo locationInfo) {}

    public record ContactInfo(String contactId, String cisPersonId) {}

    public record SubscriptionInfo(
            String subscriptionId,
            String cisAccountId,
            String subscriptionType,
            String status,
            String programId,
            String programCode,
            String startDateTime,
            String endDateTime) {}

    public record LocationInfo(
            String division,
            String servicePointId,
            String cisPremiseId,
            String cisServicePointId,
            List<ControllableDevice> controllableDevices) {}

    public record ControllableDevice(
            String deviceId,
            String nicId,
            String headEndSystem,
            String specification,
            String assetType,
            String action) {}
}
