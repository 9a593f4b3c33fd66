package org.dacsderms.runtime.eventfile;

import org.apache.commons.csv.CSVRecord;

/** Maps one CSV row of an event file to the item DACS receives for it, or refuses it. */
interface RowMapper {

    /** The DACS item of the row; a {@link RowRejectedException} names why the row cannot be sent. */
    Object map(CSVRecord row);

    /** Longest field sent on; a longer one rejects its row rather than travel to DACS. */
    int MAX_FIELD = 1000;

    static String required(CSVRecord row, String column) {
        String value = bounded(column, row.get(column));
        if (value == null || value.isBlank()) {
            throw new RowRejectedException(column + " is missing");
        }
        return value;
    }

    static String optional(CSVRecord row, String column) {
        String value = bounded(column, row.get(column));
        return value == null || value.isEmpty() ? null : value;
    }

    private static String bounded(String column, String value) {
        if (value != null && value.length() > MAX_FIELD) {
            throw new RowRejectedException(column + " is longer than " + MAX_FIELD + " characters");
        }
        return value;
    }
}
