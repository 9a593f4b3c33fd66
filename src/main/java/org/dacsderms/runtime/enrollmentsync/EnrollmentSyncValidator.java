package org.dacsderms.runtime.enrollmentsync;

import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules a sync message must meet before DERMS is called. The sync request id later becomes a segment of the
 * DACS sync request URL, so it is held to letters, digits, '-' and '_' (DACS ids are digits); the division picks the
 * DERMS instance, so it is required.
 */
final class EnrollmentSyncValidator {

    static final Pattern SYNC_REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final List<String> defects = new ArrayList<>();

    private EnrollmentSyncValidator() {}

    static List<String> defectsOf(EnrollmentSyncMessage message) {
        EnrollmentSyncValidator validator = new EnrollmentSyncValidator();
        if (message.sendDetails() == null) {
            validator.defects.add("sendDetails is missing");
        } else {
            validator.check(message.sendDetails());
        }
        return validator.defects;
    }

    private void check(EnrollmentSyncMessage.SendDetails sync) {
        String id = sync.syncRequestId();
        if (id == null || id.isBlank()) {
            defects.add("sendDetails.syncRequestId is missing");
        } else if (!SYNC_REQUEST_ID.matcher(id).matches()) {
            defects.add("sendDetails.syncRequestId must be 1 to 64 letters, digits, '-' or '_'");
        }
        if (sync.locationInfo() == null) {
            defects.add("sendDetails.locationInfo is missing");
        } else {
            checkLocation(sync.locationInfo());
        }
        if (sync.subscriptionInfo() != null) {
            dateTime(
                    "sendDetails.subscriptionInfo.startDateTime",
                    sync.subscriptionInfo().startDateTime());
            dateTime(
                    "sendDetails.subscriptionInfo.endDateTime",
                    sync.subscriptionInfo().endDateTime());
        }
    }

    private void checkLocation(EnrollmentSyncMessage.LocationInfo location) {
        if (location.division() == null || location.division().isBlank()) {
            defects.add("sendDetails.locationInfo.division is missing");
        }
        List<EnrollmentSyncMessage.ControllableDevice> devices =
                location.controllableDevices() == null ? List.of() : location.controllableDevices();
        for (int i = 0; i < devices.size(); i++) {
            if (devices.get(i) == null) {
                defects.add("sendDetails.locationInfo.controllableDevices[" + i + "] is empty");
            }
        }
    }

    private void dateTime(String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            EnrollmentSyncMapper.instant(value);
        } catch (DateTimeParseException e) {
            defects.add(field + " is not an ISO-8601 date-time: " + value);
        }
    }
}
