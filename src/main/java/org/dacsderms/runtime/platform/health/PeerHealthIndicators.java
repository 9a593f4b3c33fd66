package org.dacsderms.runtime.platform.health;

import java.util.Map;
import org.dacsderms.runtime.platform.peer.PeerClient;
import org.dacsderms.runtime.platform.peer.PeerResponse;
import org.dacsderms.runtime.platform.peer.PeerUnavailableException;
import org.dacsderms.runtime.platform.peer.Peers;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Whether DACS and each DERMS instance answer. DACS is asked through its health check; DERMS publishes none in the
 * contract, so an instance counts as up when its base URL gives any HTTP answer. Neither takes part in readiness: a
 * peer that is down does not make the runtime itself unready.
 */
@Configuration
public class PeerHealthIndicators {

    static final String DACS_HEALTH_CHECK = "/ouaf/rest/apis/common/system/healthCheck";

    @Bean
    HealthIndicator dacs(Peers peers) {
        return () -> check(peers.dacs(), DACS_HEALTH_CHECK, true);
    }

    @Bean
    HealthIndicator derms(Peers peers) {
        return () -> {
            Health.Builder overall = Health.up();
            for (Map.Entry<String, PeerClient> instance : peers.allDerms().entrySet()) {
                Health health = check(instance.getValue(), "", false);
                overall.withDetail(instance.getKey(), health.getStatus().getCode());
                if (!"UP".equals(health.getStatus().getCode())) {
                    overall.down();
                }
            }
            return overall.build();
        };
    }

    private static Health check(PeerClient peer, String path, boolean needOk) {
        try {
            PeerResponse response = peer.get(path);
            Health.Builder health = !needOk || response.status() == 200 ? Health.up() : Health.down();
            return health.withDetail("status", response.status()).build();
        } catch (PeerUnavailableException e) {
            return Health.down().withDetail("error", e.getMessage()).build();
        }
    }
}
