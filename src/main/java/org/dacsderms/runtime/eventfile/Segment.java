package org.dacsderms.runtime.eventfile;

import java.util.List;

/**
 * Consecutive records of a file, sent to DACS in one call.
 *
 * @param number 1-based position of the segment in the file
 * @param firstRecord ordinal of its first record in the file (1 is the first row after the header)
 * @param lastRecord ordinal of its last record
 * @param items the rows mapped to the DACS shape, in file order
 * @param rejections the rows that could not be mapped and are not sent
 */
public record Segment(int number, long firstRecord, long lastRecord, List<Object> items, List<Rejection> rejections) {

    public long size() {
        return lastRecord - firstRecord + 1;
    }

    public String range() {
        return "records " + firstRecord + "-" + lastRecord;
    }
}
