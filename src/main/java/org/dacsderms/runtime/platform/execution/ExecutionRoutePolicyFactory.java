package org.dacsderms.runtime.platform.execution;

import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.dacsderms.runtime.platform.Flow;
import org.springframework.stereotype.Component;

/** Puts an {@link ExecutionRoutePolicy} on every route whose id is a flow's, except the error handler's. */
@Component
public class ExecutionRoutePolicyFactory implements RoutePolicyFactory {

    private final ExecutionRecords records;

    public ExecutionRoutePolicyFactory(ExecutionRecords records) {
        this.records = records;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return Flow.byRouteId(routeId)
                .filter(flow -> flow != Flow.COMMON_ERROR_HANDLER)
                .map(flow -> (RoutePolicy) new ExecutionRoutePolicy(flow, records))
                .orElse(null);
    }
}
