package org.dacsderms.runtime.enrollment;

import java.util.List;

/** What DERMS posts to {@code /enroll-to-dacs}: one or more enrollment requests (contract messages.md section 1). */
public record EnrollmentBatch(List<Request> params) {

    public record Request(
            String messageId,
            String drmsInstanceId,
            CustomerInfo customerInfo,
            ProgramInfo programInfo,
            LocationInfo locationInfo,
            AssetInfo assetInfo) {}

    public record CustomerInfo(
            String cisPersonId,
            String cisAccountId,
            String name,
            String homePhone,
            String businessPhone,
            String email) {}

    public record ProgramInfo(
            String cisServiceAgreementId, String programCode, String startDateTimeISO, String endDateTimeISO) {}

    public record LocationInfo(
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
            String specification,
            String assetType,
            String badgeNo,
            String serialNo,
            String nicId,
            String headEndSystem) {}
}
