package org.dacsderms.runtime.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.dacsderms.runtime.platform.lookup.LookupProperties;
import org.dacsderms.runtime.platform.lookup.LookupTables;
import org.junit.jupiter.api.Test;

class EnrollmentMapperTest {

    private final ObjectMapper json = new ObjectMapper();
    private final LookupTables lookups = new LookupTables(new LookupProperties(Path.of("lookups"), Duration.ZERO));

    @Test
    void everyFieldOfTheSampleIsMappedAsTheContractSays() throws Exception {
        EnrollmentBatch.Request request = sampleBatch().params().get(0);

        DacsEnrollment dacs = new EnrollmentMapper(lookups).toDacs(request);

        assertThat(dacs.transactionId()).isEqualTo("ENR-20260601-0001");
        assertThat(dacs.customerInfo())
                .isEqualTo(new EnrollmentBatch.CustomerInfo(
                        "8213345501", "4410092233", "Rivera,Ana", "5125550134", "", "ana.rivera@example.org"));
        assertThat(dacs.programInfo()).isEqualTo(new DacsEnrollment.Program("7730014455", "BYOT-SUMMER", "2026-06-01"));
        assertThat(dacs.locationInfo())
                .isEqualTo(new EnrollmentBatch.LocationInfo(
                        "TX01",
                        "5520019988",
                        "6610077321",
                        "America/Chicago",
                        "1402 Pecan Grove Ln",
                        "Austin",
                        "USA",
                        "Travis",
                        "TX",
                        "78745"));
        assertThat(dacs.assetInfo().installationMethod()).isEqualTo("X1SI");
        assertThat(dacs.assetInfo().assetOwnership()).isEqualTo("W1CO");
        assertThat(dacs.assetInfo().assetList())
                .containsExactly(new DacsEnrollment.Asset(
                        1,
                        "TSTAT-ECB-000311",
                        "",
                        "EB4Q7711208",
                        "ECB-44F1A3C9",
                        "ECOBEE",
                        "X1-ECB-SMPREM",
                        "X1TSTAT"));
    }

    @Test
    void theProgramStartKeepsTheDateAsWrittenAndAMissingZoneMeansUtc() {
        assertThat(EnrollmentValidator.datePart("2026-06-01T23:30:00-05:00")).hasToString("2026-06-01");
        assertThat(EnrollmentValidator.datePart("2026-06-01T05:00:00")).hasToString("2026-06-01");
        assertThat(EnrollmentValidator.datePart(null)).isNull();
    }

    @Test
    void theSampleBatchHasNoDefects() throws Exception {
        assertThat(EnrollmentValidator.defectsOf(sampleBatch())).isEmpty();
    }

    @Test
    void twoRequestsWithOneMessageIdAreADefect() throws Exception {
        EnrollmentBatch.Request first = sampleBatch().params().get(0);

        List<String> defects = EnrollmentValidator.defectsOf(new EnrollmentBatch(List.of(first, first)));

        assertThat(defects).containsExactly("enrollment 2: messageId ENR-20260601-0001 appears twice");
    }

    private EnrollmentBatch sampleBatch() throws Exception {
        return json.readValue(Files.readString(Path.of("samples/enrollment-request.json")), EnrollmentBatch.class);
    }
}
