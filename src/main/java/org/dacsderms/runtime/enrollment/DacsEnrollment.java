package org.dacsderms.runtime.enrollment;

import java.util.List;

/** The body of DACS {@code programEnrollments/enroll}: one enrollment per call. */
public record DacsEnrollment(
        String transactionId, Customer customerInfo, Program programInfo, Location locationInfo, AssetInfo assetInfo) {

    public record Customer(
            String cisPersonId,
            String cisAccountId,
            String name,
            String homePhone,
            String businessPhone,
            String email) {}

    public record Program(String cisServiceAgreementId, String programCode, String startDate) {}

    public record Location(
            String division,
            String cisPremiseId,
            String cisServicePointId,
            String timeZone,
            String address1,
            String city,
            String country,
            String county,
            String state,
            String postal) {}

    public record AssetInfo(String installationMethod, String assetOwnership, List<Asset> assetList) {}

    public record Asset(
            Integer sequence,
            String assetId,
            String badgeNo,
            String serialNo,
            String nicId,
            String headEndSystem,
            String specification,
            String assetType) {}
}
