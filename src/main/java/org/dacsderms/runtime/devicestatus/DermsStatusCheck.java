package org.dacsderms.runtime.devicestatus;

/** The body of DERMS {@code /status-check}: the DACS communication id as {@code dacsMessageId}, the device as is. */
public record DermsStatusCheck(String dacsMessageId, StatusCheckMessage.DeviceInfo deviceInfo) {

    static DermsStatusCheck of(StatusCheckMessage.SendDetails check) {
        return new DermsStatusCheck(check.communicationId(), check.deviceInfo());
    }
}
