package org.dacsderms.runtime.platform.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dacsderms.runtime.platform.execution.ExecutionRecords;
import org.dacsderms.runtime.platform.web.ApiError;
import org.dacsderms.runtime.platform.web.ApiErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriterFilter;

/**
 * HTTP Basic on everything but the liveness and readiness probes, with two roles: INTEGRATION (DERMS and DACS, the
 * flow endpoints) and OPERATOR (the console, the actuator endpoints, the execution records and operator actions).
 * DERMS and DACS are machine clients with no browser session, so there are no CSRF tokens and no sessions; requests a
 * browser sends for another site are refused by their Origin instead.
 */
@Configuration
public class SecurityConfiguration {

    static final String INTEGRATION = "INTEGRATION";
    static final String OPERATOR = "OPERATOR";

    /** Paths only operators may use; everything else that is not a probe is a flow endpoint. */
    static final String[] OPERATOR_PATHS = {"/actuator/**", "/executions/**", "/executions", "/device-score/**"};

    @Bean
    SecurityFilterChain inboundSecurity(
            HttpSecurity http, InboundProperties inbound, ApiErrors errors, ExecutionRecords records) throws Exception {
        JsonAuthenticationEntryPoint entryPoint = new JsonAuthenticationEntryPoint(errors);
        http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers("/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        .requestMatchers(OPERATOR_PATHS)
                        .hasRole(OPERATOR)
                        .anyRequest()
                        .hasRole(INTEGRATION))
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(forbidden(errors)))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .addFilterBefore(new SameOriginFilter(errors), HeaderWriterFilter.class)
                .addFilterAfter(
                        new JsonBodyFilter(inbound.maxBodySize().toBytes(), errors, records),
                        BasicAuthenticationFilter.class);
        return http.build();
    }

    /** A request the firewall refuses (a double slash, a path parameter) is a plain 400, not a logged stack trace. */
    @Bean
    RequestRejectedHandler requestRejected() {
        return new HttpStatusRequestRejectedHandler();
    }

    /**
     * The integration user and the operator; one user with both roles when both are configured alike. User names are
     * matched exactly.
     */
    @Bean
    UserDetailsService inboundUsers(InboundProperties inbound, ConsoleProperties console) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        boolean shared = inbound.username().equals(console.username());
        if (shared && !inbound.password().equals(console.password())) {
            throw new IllegalStateException(
                    "inbound.username and console.username are the same user with two passwords; "
                            + "use two user names or one password");
        }
        List<UserDetails> users = new ArrayList<>();
        users.add(user(
                inbound.username(),
                inbound.password(),
                encoder,
                shared ? new String[] {INTEGRATION, OPERATOR} : new String[] {INTEGRATION}));
        if (!shared) {
            users.add(user(console.username(), console.password(), encoder, new String[] {OPERATOR}));
        }
        return name -> users.stream()
                .filter(user -> user.getUsername().equals(name))
                .findFirst()
                .map(User::withUserDetails)
                .map(User.UserBuilder::build)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    private static UserDetails user(String name, String password, PasswordEncoder encoder, String[] roles) {
        return User.withUsername(name)
                .password(encoder.encode(password))
                .roles(roles)
                .build();
    }

    private static AccessDeniedHandler forbidden(ApiErrors errors) {
        return (request, response, denied) -> {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.getWriter()
                    .write(errors.write(new ApiError(
                            "FORBIDDEN",
                            "this user may not use this endpoint",
                            UUID.randomUUID().toString())));
        };
    }
}
