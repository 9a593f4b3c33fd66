package org.dacsderms.runtime.eventfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSegmentsTest {

    private static final List<String> COLUMNS = EventFileKind.RESERVATION.columns();
    private static final String HEADER =
            "recordId,nicId,headEndSystemId,reservationStartDateTime,reservationEndDateTime";

    @TempDir
    Path dir;

    @Test
    void quotedCommasQuotesAndLineBreaksStayInsideTheirFieldWithCrlfBomAndATrailingEmptyLine() throws IOException {
        Path file = write("\uFEFF" + HEADER + "\r\n"
                + "1,\"NST-1,A\",\"say \"\"hi\"\"\",,\r\n"
                + "2,\"ECB\r\n2\",ECOBEE,2026-07-01T20:00:00Z,\r\n"
                + "3,RHM-3,RHEEM,,\r\n"
                + "\r\n");

        List<Segment> segments = read(file, 2);

        assertThat(segments).extracting(Segment::range).containsExactly("records 1-2", "records 3-3");
        assertThat(segments.get(0).items())
                .containsExactly(
                        new ReservationMapper.Device("NST-1,A", "say \"hi\"", null, null),
                        new ReservationMapper.Device("ECB\r\n2", "ECOBEE", "2026-07-01T20:00:00Z", null));
        assertThat(segments.get(1).items()).containsExactly(new ReservationMapper.Device("RHM-3", "RHEEM", null, null));
    }

    @Test
    void aRowThatCannotBeMappedIsRejectedWithItsRecordIdAndTheLineItStartsOn() throws IOException {
        Path file = write(HEADER + "\n"
                + "1,\"NST\n1\",GOOGLE_NEST,,\n"
                + "2,,ECOBEE,,\n"
                + "3,RHM-3,RHEEM,yesterday,\n"
                + "4,RHM-4,RHEEM\n");

        List<Segment> segments = read(file, 10);

        assertThat(segments).hasSize(1);
        assertThat(segments.get(0).items()).hasSize(1);
        assertThat(segments.get(0).rejections())
                .containsExactly(
                        new Rejection("2", 4, "nicId is missing"),
                        new Rejection("3", 5, "reservationStartDateTime 'yesterday' is not an ISO-8601 date-time"),
                        new Rejection("4", 6, "the row has 3 fields, the header 5"));
    }

    @Test
    void aDateTimeWithoutZoneIsTakenAsUtc() throws IOException {
        Path file = write(HEADER + "\n1,N,H,2026-07-01T20:00:00,2026-07-01T22:00:00+02:00\n");

        Segment segment = read(file, 10).get(0);

        assertThat(segment.items())
                .containsExactly(
                        new ReservationMapper.Device("N", "H", "2026-07-01T20:00:00Z", "2026-07-01T20:00:00Z"));
    }

    @Test
    void anEmptyFileHasNoSegmentsAndAHeaderWithoutTheFlowsColumnsIsRefused() throws IOException {
        assertThat(CsvSegments.open(write(""), COLUMNS, 10, ReservationMapper.create()))
                .isNull();
        assertThat(read(write(HEADER + "\r\n"), 10)).isEmpty();

        assertThatThrownBy(() -> CsvSegments.open(write("a,b\n1,2\n"), COLUMNS, 10, ReservationMapper.create()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("lacks columns");
    }

    @Test
    void anUnterminatedQuoteMakesTheFileUnreadableWhereItIs() throws IOException {
        Path file = write(HEADER + "\n1,N,H,,\n2,\"N,H,,\n");

        try (CsvSegments segments = CsvSegments.open(file, COLUMNS, 1, ReservationMapper.create())) {
            assertThat(segments.next().range()).isEqualTo("records 1-1");
            assertThatThrownBy(segments::next)
                    .isInstanceOf(UncheckedIOException.class)
                    .satisfies(e -> assertThat(EventFileFlow.describe(e))
                            .isEqualTo("a quoted field is not closed before the end of the file"));
        }
    }

    @Test
    void aFieldOverTheLimitRejectsItsRowAndAHugeLineMakesTheFileUnreadable() throws IOException {
        Path longField = write(HEADER + "\n1," + "N".repeat(RowMapper.MAX_FIELD + 1) + ",H,,\n2,N2,H,,\n");

        List<Segment> segments = read(longField, 10);

        assertThat(segments.get(0).items()).hasSize(1);
        assertThat(segments.get(0).rejections())
                .containsExactly(new Rejection("1", 2, "nicId is longer than 1000 characters"));

        Path hugeLine = write(HEADER + "\n1," + "N".repeat(CsvSegments.BoundedLines.MAX_LINE + 1) + ",H,,\n");
        try (CsvSegments reader = CsvSegments.open(hugeLine, COLUMNS, 10, ReservationMapper.create())) {
            assertThatThrownBy(reader::next).satisfies(e -> assertThat(EventFileFlow.describe(e))
                    .isEqualTo("a line is longer than 1000000 characters"));
        }
    }

    private List<Segment> read(Path file, int size) throws IOException {
        List<Segment> segments = new ArrayList<>();
        try (CsvSegments reader = CsvSegments.open(file, COLUMNS, size, ReservationMapper.create())) {
            reader.forEachRemaining(segments::add);
        }
        return segments;
    }

    private Path write(String text) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "file", ".csv"), text, StandardCharsets.UTF_8);
    }
}
