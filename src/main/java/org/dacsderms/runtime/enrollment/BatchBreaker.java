package org.dacsderms.runtime.enrollment;

import java.util.concurrent.atomic.AtomicInteger;
import org.dacsderms.runtime.platform.peer.PeerUnavailableException;

/**
 * Decides when one enrollment batch cannot go on (contract flows.md section 1, rule 8): DACS refuses connections, or
 * a configured number of requests in a row fail technically. Shared by the parallel calls of one batch.
 */
final class BatchBreaker {

    private final int maxConsecutiveFailures;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private volatile String openReason;

    BatchBreaker(int maxConsecutiveFailures) {
        this.maxConsecutiveFailures = maxConsecutiveFailures;
    }

    boolean isOpen() {
        return openReason != null;
    }

    String openReason() {
        return openReason;
    }

    void succeeded() {
        consecutiveFailures.set(0);
    }

    void failed(PeerUnavailableException fault) {
        if (fault.reason() == PeerUnavailableException.Reason.REFUSED) {
            openReason = "DACS refuses connections";
            return;
        }
        failed();
    }

    void failed() {
        if (consecutiveFailures.incrementAndGet() >= maxConsecutiveFailures) {
            openReason = maxConsecutiveFailures + " requests in a row failed technically";
        }
    }
}
