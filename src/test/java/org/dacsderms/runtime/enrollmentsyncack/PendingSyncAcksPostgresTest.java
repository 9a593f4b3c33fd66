package org.dacsderms.runtime.enrollmentsyncack;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The pending ack table and its claim on PostgreSQL, the database several nodes share (migrations V1 and V2). */
class PendingSyncAcksPostgresTest {

    private static EmbeddedPostgres postgres;
    private static PendingSyncAcks acks;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
        Flyway.configure()
                .dataSource(postgres.getPostgresDatabase())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        acks = new PendingSyncAcks(new JdbcTemplate(postgres.getPostgresDatabase()));
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void anAckIsStoredReplacedClaimedOnceAndNotStoredAgainAfterItWasSent() {
        Instant now = Instant.now();
        Instant due = now.plusSeconds(10);

        assertThat(acks.store("123", "{\"exceptionInfo\":[]}", "t-1", due, now)).isEqualTo(PendingSyncAcks.Stored.NEW);
        assertThat(acks.store("123", "{\"exceptionInfo\":[{}]}", "t-2", due, now))
                .isEqualTo(PendingSyncAcks.Stored.REPLACED);
        assertThat(acks.due(now, 10)).isEmpty();
        assertThat(acks.due(due, 10)).containsExactly("123");
        PendingSyncAck claimed = acks.claim("123", due, due.plusSeconds(60)).orElseThrow();
        assertThat(acks.claim("123", due, due.plusSeconds(60))).isEmpty();
        acks.finish("123", PendingSyncAcks.Outcome.DONE, "acknowledged", due);

        assertThat(claimed.patchBody()).isEqualTo("{\"exceptionInfo\":[{}]}");
        assertThat(claimed.dueAt().toInstant()).isEqualTo(due.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(acks.store("123", "{}", "t-3", due, now)).isEqualTo(PendingSyncAcks.Stored.ALREADY_SENT);
        assertThat(acks.status("123")).contains("DONE");
    }
}
