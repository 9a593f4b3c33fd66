package org.dacsderms.runtime.devicestatus;

/** What DACS posts to {@code /device-status-check} (contract messages.md section 4). */
public record StatusCheckMessage(SendDetails sendDetails) {

    public record SendDetails(String communicationId, DeviceInfo deviceInfo) {}

    public record DeviceInfo(
            String division, String deviceType, String specification, String headEndSystem, String nicid) {}
}
