package org.dacsderms.runtime.devicestatus;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules a status check must meet before DERMS is asked. The communication id comes back from DERMS as the DACS
 * {@code transactionID}, which holds 30 characters, so a longer one could never be answered; the division picks the
 * DERMS instance and the NIC id names the device, so both are required.
 */
final class StatusCheckValidator {

    static final int MAX_COMMUNICATION_ID = 30;

    private StatusCheckValidator() {}

    static List<String> defectsOf(StatusCheckMessage message) {
        List<String> defects = new ArrayList<>();
        StatusCheckMessage.SendDetails check = message.sendDetails();
        if (check == null) {
            defects.add("sendDetails is missing");
            return defects;
        }
        String id = check.communicationId();
        if (blank(id)) {
            defects.add("sendDetails.communicationId is missing");
        } else if (id.length() > MAX_COMMUNICATION_ID) {
            defects.add("sendDetails.communicationId is longer than " + MAX_COMMUNICATION_ID + " characters");
        }
        StatusCheckMessage.DeviceInfo device = check.deviceInfo();
        if (device == null) {
            defects.add("sendDetails.deviceInfo is missing");
            return defects;
        }
        if (blank(device.division())) {
            defects.add("sendDetails.deviceInfo.division is missing");
        }
        if (blank(device.nicid())) {
            defects.add("sendDetails.deviceInfo.nicid is missing");
        }
        return defects;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
