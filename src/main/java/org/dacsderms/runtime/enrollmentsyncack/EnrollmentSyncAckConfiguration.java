package org.dacsderms.runtime.enrollmentsyncack;

import org.dacsderms.runtime.platform.Flow;
import org.dacsderms.runtime.platform.execution.ExecutionRecords;
import org.dacsderms.runtime.platform.execution.ExecutionRoutePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The execution policy of the delivery route. The route that sends an ack to DACS is not the one DERMS calls (that
 * one has the flow's route id), yet each delivery is a run of the Enrollment Sync Ack flow and is recorded as one.
 */
@Configuration
public class EnrollmentSyncAckConfiguration {

    @Bean("enrollmentSyncAckDeliveryPolicy")
    ExecutionRoutePolicy enrollmentSyncAckDeliveryPolicy(ExecutionRecords records) {
        return new ExecutionRoutePolicy(Flow.ENROLLMENT_SYNC_ACK, records);
    }
}
