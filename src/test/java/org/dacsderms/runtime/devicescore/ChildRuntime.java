package org.dacsderms.runtime.devicescore;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The runtime in a JVM of its own, so a test can kill it with SIGKILL ({@code kill -9}) and start it again. Its
 * settings go in through SPRING_APPLICATION_JSON, so no secret shows on a command line; its output goes to a file.
 */
final class ChildRuntime implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final int port;
    private final Path log;
    private final String authorization;

    private ChildRuntime(Process process, int port, Path log, String user, String password) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static ChildRuntime start(Map<String, String> properties, Path log) throws IOException {
        int port = freePort();
        Map<String, Object> settings = new java.util.LinkedHashMap<>(properties);
        settings.put("server.port", String.valueOf(port));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        java,
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.dacsderms.runtime.Application"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SPRING_APPLICATION_JSON", new ObjectMapper().writeValueAsString(settings));
        ChildRuntime child = new ChildRuntime(
                builder.start(), port, log, properties.get("inbound.username"), properties.get("inbound.password"));
        child.awaitLive();
        return child;
    }

    private void awaitLive() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the runtime stopped during its start:\n" + tail());
                    }
                    return status(HttpRequest.newBuilder(uri("/actuator/health/liveness"))
                                    .GET())
                            == 200;
                });
    }

    HttpResponse<String> post(String path) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** SIGKILL: the JVM gets no chance to run shutdown hooks, finish a request or close a connection. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the runtime did not die");
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private int status(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
