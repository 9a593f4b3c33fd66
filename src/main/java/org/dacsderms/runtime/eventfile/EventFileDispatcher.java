package org.dacsderms.runtime.eventfile;

import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.dacsderms.runtime.platform.execution.Execution;
import org.dacsderms.runtime.platform.execution.ExecutionRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hands staged files to their flow's route, {@code concurrent-files} at a time; the others wait in a queue of
 * tracking ids (their files are on disk). At start-up every file DERMS was not acknowledged for runs again from its
 * first record, under the tracking id DERMS was given (README, "Event files").
 */
@Component
public class EventFileDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(EventFileDispatcher.class);

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final StagedFiles staged;
    private final ExecutionRecords records;
    private final EventFileProperties properties;
    private final ExecutorService files;

    public EventFileDispatcher(
            CamelContext camel,
            ProducerTemplate producer,
            StagedFiles staged,
            ExecutionRecords records,
            EventFileProperties properties) {
        this.camel = camel;
        this.producer = producer;
        this.staged = staged;
        this.records = records;
        this.properties = properties;
        this.files =
                camel.getExecutorServiceManager().newFixedThreadPool(this, "event-files", properties.concurrentFiles());
    }

    /** Queues an accepted file; its execution record is written when its run starts. */
    public void submit(StagedFile file) {
        files.execute(() -> run(file));
    }

    @EventListener(ApplicationReadyEvent.class)
    public void resumeUnacknowledged() {
        staged.removeExpired(properties.retention());
        for (StagedFile file : staged.unacknowledged()) {
            LOG.info(
                    "Event file {} (tracking id {}) was accepted but not acknowledged; it runs again",
                    file.fileName(),
                    file.trackingId());
            // The interrupted run's record is replaced by the new run's, under the same tracking id.
            records.forget(file.trackingId());
            submit(file);
        }
    }

    private void run(StagedFile file) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(Execution.TRACKING_ID, file.trackingId());
        exchange.setProperty(Execution.BUSINESS_IDS, file.message().businessIds(file.fileName()));
        exchange.setProperty(EventFileFlow.STAGED_FILE, file.trackingId());
        producer.send("direct:" + file.kind().flow().routeId(), exchange);
    }
}
