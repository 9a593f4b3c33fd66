package org.dacsderms.runtime.enrollmentsyncack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dacsderms.runtime.support.RuntimeTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The claim that keeps two nodes from sending one ack twice, against the runtime's real database. The acks here are
 * due an hour from now, so the running scheduler leaves them alone; the test claims them "later" by passing the time.
 */
class PendingSyncAcksTest extends RuntimeTestSupport {

    private static final String BODY = "{\"exceptionInfo\":[]}";

    @Autowired
    private PendingSyncAcks acks;

    private final String syncRequestId = "33" + System.nanoTime();
    private final Instant now = Instant.now();
    private final Instant due = now.plus(Duration.ofHours(1));

    @Test
    void ofEightNodesClaimingTheSameDueAckAtOnceExactlyOneGetsIt() throws Exception {
        acks.store(syncRequestId, BODY, "t-1", due, now);
        Instant later = due.plusSeconds(1);
        ExecutorService nodes = Executors.newFixedThreadPool(8);
        List<Callable<Optional<PendingSyncAck>>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            claims.add(() -> acks.claim(syncRequestId, later, later.plusSeconds(60)));
        }

        List<Future<Optional<PendingSyncAck>>> results = nodes.invokeAll(claims);
        nodes.shutdown();

        long winners = 0;
        for (Future<Optional<PendingSyncAck>> result : results) {
            winners += result.get().isPresent() ? 1 : 0;
        }
        assertThat(winners).isEqualTo(1);
        assertThat(acks.status(syncRequestId)).contains("SENDING");
        acks.finish(syncRequestId, PendingSyncAcks.Outcome.DONE, "test", later);
    }

    @Test
    void anAckIsNotClaimedBeforeItIsDueNorWhileAnotherNodesLeaseRuns() {
        acks.store(syncRequestId, BODY, "t-1", due, now);

        assertThat(acks.claim(syncRequestId, due.minusSeconds(1), due.plusSeconds(60)))
                .isEmpty();
        Optional<PendingSyncAck> first = acks.claim(syncRequestId, due, due.plusSeconds(60));
        Optional<PendingSyncAck> during = acks.claim(syncRequestId, due.plusSeconds(30), due.plusSeconds(90));
        Optional<PendingSyncAck> after = acks.claim(syncRequestId, due.plusSeconds(61), due.plusSeconds(121));

        assertThat(first).isPresent();
        assertThat(first.get().patchBody()).isEqualTo(BODY);
        assertThat(first.get().originTrackingId()).isEqualTo("t-1");
        assertThat(first.get().attempts()).isEqualTo(1);
        assertThat(during).isEmpty();
        assertThat(after).isPresent();
        assertThat(after.get().attempts()).isEqualTo(2);
        acks.finish(syncRequestId, PendingSyncAcks.Outcome.DONE, "test", due.plusSeconds(62));
    }

    @Test
    void anAckStoredAgainReplacesAWaitingOneButNeverOneThatWasSent() {
        assertThat(acks.store(syncRequestId, BODY, "t-1", due, now)).isEqualTo(PendingSyncAcks.Stored.NEW);
        assertThat(acks.store(syncRequestId, "{\"exceptionInfo\":[{}]}", "t-2", due, now))
                .isEqualTo(PendingSyncAcks.Stored.REPLACED);
        PendingSyncAck claimed =
                acks.claim(syncRequestId, due, due.plusSeconds(60)).orElseThrow();
        acks.finish(syncRequestId, PendingSyncAcks.Outcome.DONE, "test", due);

        PendingSyncAcks.Stored third = acks.store(syncRequestId, BODY, "t-3", due, now);

        assertThat(claimed.originTrackingId()).isEqualTo("t-2");
        assertThat(claimed.patchBody()).isEqualTo("{\"exceptionInfo\":[{}]}");
        assertThat(third).isEqualTo(PendingSyncAcks.Stored.ALREADY_SENT);
        assertThat(acks.status(syncRequestId)).contains("DONE");
    }
}
