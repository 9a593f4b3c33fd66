package org.dacsderms.runtime.platform.peer;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Calls one peer system (DACS, or one DERMS instance) over HTTP with its base URL, credentials and timeouts. Kept in
 * one place so that every flow classifies faults the same way and credentials never appear in endpoint URIs, logs or
 * the console.
 */
public class PeerClient {

    private final String name;
    private final String baseUrl;
    private final String authorization;
    private final Duration readTimeout;
    private final HttpClient http;

    public PeerClient(String name, PeerConnection connection, Duration connectTimeout, Duration readTimeout) {
        this.name = name;
        this.baseUrl = stripTrailingSlash(connection.baseUrl().toString());
        this.authorization = basic(connection.username(), connection.password());
        this.readTimeout = readTimeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public String name() {
        return name;
    }

    public PeerResponse get(String path) {
        return send(request(path).GET());
    }

    public PeerResponse postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(utf8(json)));
    }

    public PeerResponse patchJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").method("PATCH", utf8(json)));
    }

    /** Sends a request whose body the caller builds (a streamed multipart upload, say). */
    public PeerResponse send(String path, String method, String contentType, HttpRequest.BodyPublisher body) {
        return send(request(path).header("Content-Type", contentType).method(method, body));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(readTimeout);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.header("Accept", "application/json");
    }

    private PeerResponse send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new PeerResponse(response.statusCode(), response.body());
        } catch (HttpConnectTimeoutException e) {
            throw new PeerUnavailableException(name, PeerUnavailableException.Reason.REFUSED, e);
        } catch (ConnectException e) {
            throw new PeerUnavailableException(name, PeerUnavailableException.Reason.REFUSED, e);
        } catch (HttpTimeoutException e) {
            throw new PeerUnavailableException(name, PeerUnavailableException.Reason.TIMEOUT, e);
        } catch (IOException e) {
            throw new PeerUnavailableException(name, PeerUnavailableException.Reason.IO, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerUnavailableException(name, PeerUnavailableException.Reason.IO, e);
        }
    }

    private static HttpRequest.BodyPublisher utf8(String json) {
        return HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
    }

    private static String basic(String username, String password) {
        if (username == null || username.isBlank()) {
            return null;
        }
        String pair = username + ":" + (password == null ? "" : password);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "PeerClient[" + name + " at " + baseUrl + "]";
    }
}
