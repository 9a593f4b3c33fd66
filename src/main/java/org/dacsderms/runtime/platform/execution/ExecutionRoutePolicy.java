package org.dacsderms.runtime.platform.execution;

import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.dacsderms.runtime.platform.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;

/**
 * Gives every exchange that enters a flow's route a tracking id and an execution record, and completes the record
 * when the exchange is done. It also drops every header the caller sent, so that nothing a caller puts in a header
 * can steer an outbound call or an e-mail; flows read only the body.
 */
public class ExecutionRoutePolicy extends RoutePolicySupport {

    /** MDC key of the tracking id; the log pattern prints it on every line. */
    public static final String MDC_TRACKING_ID = "trackingId";

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionRoutePolicy.class);
    private static final String OWNER = "executionOwner";

    private final Flow flow;
    private final ExecutionRecords records;

    public ExecutionRoutePolicy(Flow flow, ExecutionRecords records) {
        this.flow = flow;
        this.records = records;
    }

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        if (exchange.getProperty(OWNER) != null) {
            return;
        }
        String trackingId = exchange.getProperty(Execution.TRACKING_ID, String.class);
        if (trackingId == null) {
            trackingId = UUID.randomUUID().toString();
            exchange.setProperty(Execution.TRACKING_ID, trackingId);
        }
        exchange.setProperty(OWNER, flow);
        exchange.setProperty(Execution.FLOW, flow);
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Execution.TRACKING_HEADER, trackingId);
        MDC.put(MDC_TRACKING_ID, trackingId);
        try {
            records.started(flow, trackingId, exchange.getProperty(Execution.BUSINESS_IDS, String.class));
        } catch (DataAccessException e) {
            LOG.warn("Cannot write the execution record of {}; the flow goes on (ignored)", trackingId, e);
        }
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        if (exchange.getProperty(OWNER) != flow) {
            return;
        }
        String trackingId = exchange.getProperty(Execution.TRACKING_ID, String.class);
        try {
            records.ended(trackingId, outcome(exchange));
        } catch (DataAccessException e) {
            LOG.warn("Cannot complete the execution record of {} (ignored)", trackingId, e);
        } finally {
            MDC.remove(MDC_TRACKING_ID);
        }
    }

    static ExecutionRecords.Outcome outcome(Exchange exchange) {
        Throwable failure = exchange.getException();
        if (failure == null) {
            failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        }
        ExecutionStatus status = exchange.getProperty(Execution.STATUS, ExecutionStatus.class);
        if (status == null) {
            status = failure == null ? ExecutionStatus.SUCCESS : ExecutionStatus.FAILURE;
        }
        String error = exchange.getProperty(Execution.ERROR, String.class);
        if (error == null && failure != null) {
            error = failure.getMessage();
        }
        return new ExecutionRecords.Outcome(
                status,
                exchange.getProperty(Execution.BUSINESS_IDS, String.class),
                exchange.getProperty(Execution.RECORD_COUNT, Integer.class),
                exchange.getProperty(Execution.SUCCESS_COUNT, Integer.class),
                exchange.getProperty(Execution.ERROR_COUNT, Integer.class),
                error);
    }
}
