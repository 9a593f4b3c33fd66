package org.dacsderms.runtime.devicescore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.dacsderms.runtime.platform.peer.PeerClient;

/** What one transfer run shares across its files: the lease, the open store, DERMS, the markers, the outcomes. */
final class TransferRun {

    /** What happened to one file. */
    record FileOutcome(String fileName, long size, boolean transferred, String detail) {}

    private final ScoreSource source;
    private final RunLease lease;
    private final ScoreStore store;
    private final PeerClient derms;
    private final String sentMarker;
    private final String errorMarker;
    private final List<FileOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());

    TransferRun(
            ScoreSource source,
            RunLease lease,
            ScoreStore store,
            PeerClient derms,
            String sentMarker,
            String errorMarker) {
        this.source = source;
        this.lease = lease;
        this.store = store;
        this.derms = derms;
        this.sentMarker = sentMarker;
        this.errorMarker = errorMarker;
    }

    ScoreSource source() {
        return source;
    }

    RunLease lease() {
        return lease;
    }

    ScoreStore store() {
        return store;
    }

    PeerClient derms() {
        return derms;
    }

    String sentMarker() {
        return sentMarker;
    }

    String errorMarker() {
        return errorMarker;
    }

    void add(FileOutcome outcome) {
        outcomes.add(outcome);
    }

    List<FileOutcome> outcomes() {
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }
}
