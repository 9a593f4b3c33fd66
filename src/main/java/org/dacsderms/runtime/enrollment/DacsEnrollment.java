package org.dacsderms.runtime.enrollment;

import java.util.List;

/**
 * The body of DACS {@code programEnrollments/enroll}: one enrollment per call. Customer and location go to DACS under
 * the names DERMS uses (address lines 2 to 4 are not read from DERMS, so they are not sent).
 */
public record DacsEnrollment(
        String transactionId,
        EnrollmentBatch.CustomerInfo customerInfo,
        Program programInfo,
        EnrollmentBatch.LocationInfo locationInfo,
        AssetInfo assetInfo) {

    public record Program(String cisServiceAgreementId, String programCode, String startDate) {}

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
