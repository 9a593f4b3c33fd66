package org.dacsderms.runtime.eventfile;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an event file as a stream and hands it out in segments of a fixed number of records, so that memory holds
 * one segment per consumer whatever the file size. RFC 4180 (quoted commas, quotes and line breaks), LF or CRLF, an
 * optional UTF-8 byte-order mark and a trailing empty line; the header is read once and must hold the flow's columns.
 * A row that cannot be mapped is kept in its segment as a {@link Rejection} with its record id and line number.
 */
public final class CsvSegments implements Iterator<Segment>, Closeable {

    private static final char BOM = '\uFEFF';
    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    private final int columns;
    private final int segmentSize;
    private final RowMapper mapper;
    private int segmentNumber;
    private long recordNumber;
    /** Line the next record starts on; read before the iterator looks ahead, which parses the record. */
    private long nextLine;

    private boolean closed;

    private CsvSegments(Reader reader, List<String> expectedColumns, int segmentSize, RowMapper mapper)
            throws IOException {
        this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        List<String> header = parser.getHeaderNames();
        if (!header.containsAll(expectedColumns)) {
            parser.close();
            throw new IOException("the header " + header + " lacks columns of " + expectedColumns);
        }
        this.rows = parser.iterator();
        this.nextLine = parser.getCurrentLineNumber() + 1;
        this.columns = header.size();
        this.segmentSize = segmentSize;
        this.mapper = mapper;
    }

    /** Opens a file; an empty file yields no segment. */
    static CsvSegments open(Path file, List<String> columns, int segmentSize, RowMapper mapper) throws IOException {
        Reader reader = new BoundedLines(new BufferedReader(new InputStreamReader(
                Files.newInputStream(file),
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT))));
        skipByteOrderMark(reader);
        if (isEmpty(reader)) {
            reader.close();
            return null;
        }
        return new CsvSegments(reader, columns, segmentSize, mapper);
    }

    /** The first line of a file, without its byte-order mark; null for an empty or non-text file. */
    static String firstLine(Path file) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)))) {
            skipByteOrderMark(reader);
            char[] start = new char[4096];
            int read = reader.read(start);
            if (read <= 0) {
                return null;
            }
            String text = new String(start, 0, read);
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        try {
            if (rows.hasNext()) {
                return true;
            }
        } catch (UncheckedIOException e) {
            close();
            throw e;
        }
        close();
        return false;
    }

    @Override
    public Segment next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the file has no more records");
        }
        segmentNumber++;
        long first = recordNumber + 1;
        List<Object> items = new ArrayList<>(segmentSize);
        List<Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < segmentSize && hasNext(); i++) {
            long line = nextLine;
            CSVRecord row = rows.next();
            nextLine = parser.getCurrentLineNumber() + 1;
            recordNumber++;
            try {
                items.add(map(row));
            } catch (RowRejectedException e) {
                rejections.add(new Rejection(recordId(row), line, e.getMessage()));
            }
        }
        return new Segment(segmentNumber, first, recordNumber, items, rejections);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                parser.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Object map(CSVRecord row) {
        if (row.size() != columns) {
            throw new RowRejectedException("the row has " + row.size() + " fields, the header " + columns);
        }
        return mapper.map(row);
    }

    private static String recordId(CSVRecord row) {
        return row.isSet("recordId") && !row.get("recordId").isBlank() ? row.get("recordId") : "-";
    }

    private static void skipByteOrderMark(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != BOM) {
            reader.reset();
        }
    }

    private static boolean isEmpty(Reader reader) throws IOException {
        reader.mark(1);
        boolean empty = reader.read() < 0;
        reader.reset();
        return empty;
    }

    /**
     * Refuses a line longer than {@link #MAX_LINE} characters, so that one huge field cannot fill the heap while the
     * parser gathers it; the file is then unreadable from that line on.
     */
    static final class BoundedLines extends FilterReader {

        static final int MAX_LINE = 1_000_000;

        private int lineLength;

        BoundedLines(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = 0; i < n; i++) {
                count(buffer[offset + i]);
            }
            return n;
        }

        private void count(char c) throws IOException {
            lineLength = c == '\n' ? 0 : lineLength + 1;
            if (lineLength > MAX_LINE) {
                throw new IOException("a line is longer than " + MAX_LINE + " characters");
            }
        }
    }
}
