package org.dacsderms.runtime.eventfile;

import org.apache.commons.csv.CSVRecord;

/** Maps one CSV row of an event file to the item DACS receives for it, or refuses it. */
interface RowMapper {

    /** The DACS item of the row; a {@link RowRejectedException} names why the row cannot be sent. */
    Object map(CSVRecord row);

    static String required(CSVRecord row, String column) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            throw new RowRejectedException(column + " is missing");
        }
        return value;
    }

    static String optional(CSVRecord row, String column) {
        String value = row.get(column);
        return value == null || value.isEmpty() ? null : value;
    }
}
