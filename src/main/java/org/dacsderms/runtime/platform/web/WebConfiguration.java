package org.dacsderms.runtime.platform.web;

import org.apache.camel.CamelContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Servlet-level pieces shared by every flow endpoint. */
@Configuration
public class WebConfiguration {

    /** Runs after Spring Security and before the vendor paths are forwarded. */
    @Bean
    FilterRegistrationBean<StoppedFlowFilter> stoppedFlows(CamelContext camel, ApiErrors errors) {
        FilterRegistrationBean<StoppedFlowFilter> registration =
                new FilterRegistrationBean<>(new StoppedFlowFilter(camel, errors));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
        return registration;
    }

    /** Runs after Spring Security, so a vendor path is authenticated before it is forwarded. */
    @Bean
    FilterRegistrationBean<VendorPathFilter> vendorPaths() {
        FilterRegistrationBean<VendorPathFilter> registration = new FilterRegistrationBean<>(new VendorPathFilter());
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        registration.addUrlPatterns("/ic/api/integration/*");
        return registration;
    }
}
