package org.dacsderms.runtime.platform.security;

import org.dacsderms.runtime.platform.web.ApiErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * HTTP Basic on everything but the liveness and readiness probes. DERMS and DACS are machine clients with no browser
 * session, so CSRF tokens and sessions are off; the console uses the same Basic credentials.
 */
@Configuration
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain inboundSecurity(HttpSecurity http, InboundProperties inbound, ApiErrors errors)
            throws Exception {
        JsonAuthenticationEntryPoint entryPoint = new JsonAuthenticationEntryPoint(errors);
        http.authorizeHttpRequests(
                        requests -> requests.requestMatchers("/actuator/health/liveness", "/actuator/health/readiness")
                                .permitAll()
                                .anyRequest()
                                .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .addFilterAfter(
                        new BodySizeLimitFilter(inbound.maxBodySize().toBytes(), errors),
                        BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    UserDetailsService inboundUsers(InboundProperties inbound) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryUserDetailsManager(User.withUsername(inbound.username())
                .password(encoder.encode(inbound.password()))
                .roles("INTEGRATION")
                .build());
    }
}
