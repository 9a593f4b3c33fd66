package org.dacsderms.runtime.devicescore;

import java.util.concurrent.ScheduledFuture;

/** One held run lease: renewed in the background until released; lost when a renewal finds another owner. */
public final class RunLease implements AutoCloseable {

    private final RunLeases leases;
    private final String name;
    private final String trackingId;
    volatile ScheduledFuture<?> renewal;
    private volatile boolean held = true;

    RunLease(RunLeases leases, String name, String trackingId) {
        this.leases = leases;
        this.name = name;
        this.trackingId = trackingId;
    }

    public String trackingId() {
        return trackingId;
    }

    /** Renews now; false when the lease lapsed and another node may have taken it, so the run must stop. */
    public boolean stillHeld() {
        if (held) {
            held = leases.renew(name, trackingId);
        }
        return held;
    }

    void renew() {
        stillHeld();
    }

    @Override
    public void close() {
        ScheduledFuture<?> task = renewal;
        if (task != null) {
            task.cancel(false);
        }
        if (held) {
            leases.release(name, trackingId);
            held = false;
        }
    }
}
