package org.dacsderms.runtime.eventfile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.dacsderms.runtime.platform.lookup.LookupTables;
import org.dacsderms.runtime.platform.lookup.MissingLookupException;

/** Event Device Reservation (messages.md section 6): the event fields once per call, one device per row. */
final class ReservationMapper implements RowMapper {

    /** One {@code reserveDevice} call: the event and the devices of one segment. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReserveDevices(
            String eventExternalIdentifier,
            String eventType,
            String eventStartDateTime,
            String eventEndDateTime,
            List<Object> deviceList) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Device(String nicId, String headEndSystem, String reservationStartDateTime, String reservationEndDateTime) {}

    private ReservationMapper() {}

    static ReservationMapper create() {
        return new ReservationMapper();
    }

    @Override
    public Object map(CSVRecord row) {
        return new Device(
                RowMapper.required(row, "nicId"),
                RowMapper.required(row, "headEndSystemId"),
                DateTimes.optional("reservationStartDateTime", row.get("reservationStartDateTime")),
                DateTimes.optional("reservationEndDateTime", row.get("reservationEndDateTime")));
    }

    /** The call body of one segment; the event fields were checked when the file was accepted. */
    static ReserveDevices call(EventFileMessage message, LookupTables lookups, List<Object> devices) {
        return new ReserveDevices(
                message.eventId(),
                lookups.get("EventType", message.eventType()),
                DateTimes.required("eventStartDateTime", message.eventStartDateTime()),
                DateTimes.required("eventEndDateTime", message.eventEndDateTime()),
                devices);
    }

    /** The defects of a reservation message, empty when it can be processed. */
    static List<String> defectsOf(EventFileMessage message, LookupTables lookups) {
        List<String> defects = new ArrayList<>();
        requireText(defects, "eventId", message.eventId());
        requireText(defects, "eventType", message.eventType());
        if (message.eventType() != null && !message.eventType().isBlank()) {
            try {
                lookups.get("EventType", message.eventType());
            } catch (MissingLookupException e) {
                defects.add("eventType: " + e.getMessage());
            }
        }
        for (String[] field : new String[][] {
            {"eventStartDateTime", message.eventStartDateTime()}, {"eventEndDateTime", message.eventEndDateTime()}
        }) {
            try {
                DateTimes.required(field[0], field[1]);
            } catch (RowRejectedException e) {
                defects.add(e.getMessage());
            }
        }
        return defects;
    }

    static void requireText(List<String> defects, String field, String value) {
        if (value == null || value.isBlank()) {
            defects.add(field + " is missing");
        }
    }
}
