package org.dacsderms.runtime.devicescore;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The run leases of the scheduled transfers, in the shared database: a node runs a transfer only while it holds its
 * lease, so with several nodes one run happens at a time across all of them. A lease is renewed every third of its
 * duration while the run lasts; a node that dies stops renewing, and its lease lapses after at most one duration.
 *
 * <p>Expiry times are epoch milliseconds written by the nodes, so node clocks must agree to well within a lease
 * (NTP does that).
 */
@Repository
public class RunLeases implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(RunLeases.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final long durationMillis;
    private final String node;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "run-lease-renewal");
        thread.setDaemon(true);
        return thread;
    });

    public RunLeases(JdbcTemplate jdbc, Clock clock, DeviceScoreProperties properties, NodeName node) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.durationMillis = properties.lease().toMillis();
        this.node = node.value();
    }

    /** Claims the lease {@code name} for one run, or answers empty when another run (any node) holds it. */
    public Optional<RunLease> acquire(String name, String trackingId) {
        long now = clock.millis();
        int claimed = jdbc.update(
                "update run_lease set owner = ?, tracking_id = ?, expires_at = ?"
                        + " where name = ? and (owner is null or expires_at < ?)",
                node,
                trackingId,
                now + durationMillis,
                name,
                now);
        if (claimed == 0) {
            return Optional.empty();
        }
        RunLease lease = new RunLease(this, name, trackingId);
        long period = Math.max(1, durationMillis / 3);
        lease.renewal = renewals.scheduleAtFixedRate(lease::renew, period, period, TimeUnit.MILLISECONDS);
        return Optional.of(lease);
    }

    /** Who holds the lease now, if anyone (for operators' answers). */
    public Optional<String> holder(String name) {
        return jdbc
                .query(
                        "select owner, tracking_id, expires_at from run_lease where name = ?",
                        (row, i) -> row.getString("owner") == null || row.getLong("expires_at") < clock.millis()
                                ? null
                                : row.getString("owner") + " (run " + row.getString("tracking_id") + ")",
                        name)
                .stream()
                .filter(holder -> holder != null)
                .findFirst();
    }

    boolean renew(String name, String trackingId) {
        try {
            return jdbc.update(
                            "update run_lease set expires_at = ? where name = ? and owner = ? and tracking_id = ?",
                            clock.millis() + durationMillis,
                            name,
                            node,
                            trackingId)
                    == 1;
        } catch (DataAccessException e) {
            LOG.warn("Cannot renew the lease {} of run {}; the run stops before its next file", name, trackingId, e);
            return false;
        }
    }

    void release(String name, String trackingId) {
        jdbc.update(
                "update run_lease set owner = null, tracking_id = null, expires_at = 0"
                        + " where name = ? and owner = ? and tracking_id = ?",
                name,
                node,
                trackingId);
    }

    String node() {
        return node;
    }

    @Override
    public void destroy() {
        renewals.shutdownNow();
    }
}
