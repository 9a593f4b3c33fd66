package org.dacsderms.runtime.platform.peer;

import jakarta.validation.constraints.NotNull;
import java.net.URI;

/**
 * Where one peer system is and how the runtime signs in to it.
 *
 * @param baseUrl the peer's base URL; paths of the contract are appended to it
 * @param username user for HTTP Basic; none means no credentials are sent
 * @param password its password, from the environment; never logged
 */
public record PeerConnection(@NotNull URI baseUrl, String username, String password) {

    @Override
    public String toString() {
        return "PeerConnection[baseUrl=" + baseUrl + ", username=" + username + ", password=****]";
    }
}
