package org.dacsderms.runtime.eventfile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.dacsderms.runtime.platform.lookup.LookupTables;

/** Event Outcome (messages.md section 8): one outcome per row, its code through the EventOutcome lookup. */
final class OutcomeMapper implements RowMapper {

    static final int MAX_ERROR_MESSAGE = 100;

    /** One {@code postEventOutcome} call: the outcomes of one segment. */
    record PostOutcomes(List<Object> postOutcomeList) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Outcome(
            String eventExternalIdentifier,
            String nicId,
            String headEndSystem,
            String outcome,
            String participationStartDateTime,
            String participationEndDateTime,
            String errorMessage) {}

    private final LookupTables lookups;

    /** Codes seen in this file: one file is mapped with the lookup as it was when the code was first met. */
    private final Map<String, String> codes = new HashMap<>();

    private OutcomeMapper(LookupTables lookups) {
        this.lookups = lookups;
    }

    static OutcomeMapper create(LookupTables lookups) {
        return new OutcomeMapper(lookups);
    }

    @Override
    public Object map(CSVRecord row) {
        return new Outcome(
                RowMapper.required(row, "eventId"),
                RowMapper.required(row, "nicId"),
                RowMapper.required(row, "headEndSystemId"),
                code(RowMapper.required(row, "outcome")),
                DateTimes.optional("participationStartDateTime", row.get("participationStartDateTime")),
                DateTimes.optional("participationEndDateTime", row.get("participationEndDateTime")),
                clip(RowMapper.optional(row, "errorMessage")));
    }

    static PostOutcomes call(List<Object> outcomes) {
        return new PostOutcomes(outcomes);
    }

    private String code(String outcome) {
        String code = codes.get(outcome);
        if (code == null) {
            code = lookups.find("EventOutcome", outcome)
                    .orElseThrow(() -> new RowRejectedException("outcome '" + DateTimes.clip(outcome)
                            + "' has no entry in lookup " + LookupTables.TABLE_PREFIX + "EventOutcome"));
            codes.put(outcome, code);
        }
        return code;
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_ERROR_MESSAGE ? text : text.substring(0, MAX_ERROR_MESSAGE);
    }
}
