package org.dacsderms.runtime.enrollment;

import java.time.LocalDate;
import java.util.List;
import org.dacsderms.runtime.platform.lookup.LookupTables;

/**
 * Maps one DERMS enrollment request to the DACS enroll body (contract messages.md section 1): specification and
 * asset type through the AssetSpec and AssetType lookups, the program start reduced to its date, the end date and
 * address lines 2 to 4 not sent.
 */
final class EnrollmentMapper {

    private final LookupTables lookups;

    EnrollmentMapper(LookupTables lookups) {
        this.lookups = lookups;
    }

    DacsEnrollment toDacs(EnrollmentBatch.Request request) {
        return new DacsEnrollment(
                request.messageId(),
                request.customerInfo(),
                program(request.programInfo()),
                request.locationInfo(),
                assets(request.assetInfo()));
    }

    private static DacsEnrollment.Program program(EnrollmentBatch.ProgramInfo in) {
        LocalDate start = EnrollmentValidator.datePart(in.startDateTimeISO());
        return new DacsEnrollment.Program(
                in.cisServiceAgreementId(), in.programCode(), start == null ? null : start.toString());
    }

    private DacsEnrollment.AssetInfo assets(EnrollmentBatch.AssetInfo in) {
        if (in == null) {
            return null;
        }
        List<DacsEnrollment.Asset> list = in.assetList() == null
                ? List.of()
                : in.assetList().stream().map(this::asset).toList();
        return new DacsEnrollment.AssetInfo(in.installationMethod(), in.assetOwnership(), list);
    }

    private DacsEnrollment.Asset asset(EnrollmentBatch.Asset in) {
        return new DacsEnrollment.Asset(
                in.sequence(),
                in.assetId(),
                in.badgeNo(),
                in.serialNo(),
                in.nicId(),
                in.headEndSystem(),
                translate("AssetSpec", in.specification()),
                translate("AssetType", in.assetType()));
    }

    private String translate(String table, String value) {
        return value == null || value.isBlank() ? value : lookups.get(table, value);
    }
}
