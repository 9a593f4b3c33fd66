package org.dacsderms.runtime.enrollment;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of contract messages.md section 1 that a batch must meet before anything is sent to DACS. Every defect
 * is named with the 1-based position of its request, so DERMS can fix the message and resend it.
 */
final class EnrollmentValidator {

    private static final String BRING_YOUR_OWN = "X1SI";
    private static final String CUSTOMER_OWNED = "W1CO";

    private final List<String> defects = new ArrayList<>();

    private EnrollmentValidator() {}

    /** Every defect of the batch, in order; empty when it may be sent. */
    static List<String> defectsOf(EnrollmentBatch batch) {
        EnrollmentValidator validator = new EnrollmentValidator();
        if (batch == null || batch.params() == null || batch.params().isEmpty()) {
            validator.defects.add("params is missing or empty");
            return validator.defects;
        }
        Set<String> messageIds = new HashSet<>();
        for (int i = 0; i < batch.params().size(); i++) {
            EnrollmentBatch.Request request = batch.params().get(i);
            String where = "enrollment " + (i + 1) + ": ";
            if (request == null) {
                validator.defects.add(where + "is empty");
            } else {
                validator.check(where, request);
                if (request.messageId() != null && !messageIds.add(request.messageId())) {
                    validator.defects.add(where + "messageId " + shown(request.messageId()) + " appears twice");
                }
            }
        }
        return validator.defects;
    }

    /** The date part of an ISO-8601 date-time, or null when there is none; a missing zone means UTC. */
    static LocalDate datePart(String isoDateTime) {
        if (isoDateTime == null || isoDateTime.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(isoDateTime).toLocalDate();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(isoDateTime).toLocalDate();
        }
    }

    private void check(String where, EnrollmentBatch.Request request) {
        required(where, "messageId", request.messageId(), 120);
        required(where, "drmsInstanceId", request.drmsInstanceId(), 0);
        if (request.customerInfo() != null) {
            EnrollmentBatch.CustomerInfo customer = request.customerInfo();
            longest(where, "customerInfo.cisAccountId", customer.cisAccountId(), 30);
            longest(where, "customerInfo.homePhone", customer.homePhone(), 24);
            longest(where, "customerInfo.businessPhone", customer.businessPhone(), 24);
        }
        if (request.programInfo() == null) {
            defects.add(where + "programInfo is missing");
        } else {
            checkProgram(where, request.programInfo());
        }
        if (request.assetInfo() != null) {
            checkAssets(where, request.assetInfo());
        }
    }

    private void checkProgram(String where, EnrollmentBatch.ProgramInfo program) {
        required(where, "programInfo.cisServiceAgreementId", program.cisServiceAgreementId(), 0);
        required(where, "programInfo.programCode", program.programCode(), 0);
        try {
            datePart(program.startDateTimeISO());
        } catch (DateTimeParseException e) {
            defects.add(
                    where + "programInfo.startDateTimeISO is not an ISO-8601 date-time: " + program.startDateTimeISO());
        }
    }

    private void checkAssets(String where, EnrollmentBatch.AssetInfo assets) {
        List<EnrollmentBatch.Asset> list = assets.assetList() == null ? List.of() : assets.assetList();
        boolean bringYourOwn =
                BRING_YOUR_OWN.equals(assets.installationMethod()) && CUSTOMER_OWNED.equals(assets.assetOwnership());
        if (bringYourOwn && list.isEmpty()) {
            defects.add(where + "assetInfo.assetList is empty for a bring-your-own, customer-owned enrollment");
        }
        for (int j = 0; j < list.size(); j++) {
            EnrollmentBatch.Asset asset = list.get(j);
            String field = "assetInfo.assetList[" + j + "].";
            if (asset == null) {
                defects.add(where + field.substring(0, field.length() - 1) + " is empty");
                continue;
            }
            longest(where, field + "nicId", asset.nicId(), 100);
            longest(where, field + "headEndSystem", asset.headEndSystem(), 50);
            if (bringYourOwn) {
                required(where, field + "specification", asset.specification(), 0);
                required(where, field + "assetType", asset.assetType(), 0);
                required(where, field + "nicId", asset.nicId(), 0);
                required(where, field + "headEndSystem", asset.headEndSystem(), 0);
            }
        }
    }

    /** A caller's value as quoted back in a defect: never longer than a line. */
    private static String shown(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    private void required(String where, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            defects.add(where + field + " is missing");
        } else if (maxLength > 0) {
            longest(where, field, value, maxLength);
        }
    }

    private void longest(String where, String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            defects.add(where + field + " is longer than " + maxLength + " characters");
        }
    }
}
