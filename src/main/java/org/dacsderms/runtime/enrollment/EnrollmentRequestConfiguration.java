package org.dacsderms.runtime.enrollment;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thread pool that bounds the DACS enroll calls in flight (a Camel thread pool profile, so Camel owns and shows
 * it, and Spring's own task executor stays in place), and the strategy that collects the answers.
 */
@Configuration
public class EnrollmentRequestConfiguration {

    /** Name of the thread pool profile the route's split refers to. */
    public static final String CALLS_POOL = "enrollmentRequestCalls";

    @Bean
    CamelContextConfiguration enrollmentRequestPool(EnrollmentRequestProperties properties) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                camel.getExecutorServiceManager()
                        .registerThreadPoolProfile(new ThreadPoolProfileBuilder(CALLS_POOL)
                                .poolSize(properties.parallelism())
                                .maxPoolSize(properties.parallelism())
                                .maxQueueSize(-1)
                                .build());
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
                // nothing to do once started
            }
        };
    }

    @Bean("enrollmentResponses")
    GroupedBodyAggregationStrategy enrollmentResponses() {
        return new GroupedBodyAggregationStrategy();
    }
}
