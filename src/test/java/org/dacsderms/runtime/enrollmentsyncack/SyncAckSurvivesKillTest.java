package org.dacsderms.runtime.enrollmentsyncack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dacsderms.runtime.Application;
import org.dacsderms.runtime.sandbox.Sandbox;
import org.dacsderms.runtime.sandbox.SimRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable sync ack across a hard crash (issue 3, "must show"): the runtime runs as a separate JVM on the test
 * classpath, is killed with SIGKILL while an ack waits for its delay, and is started again on the same H2 file and the
 * same simulators. The DACS simulator must then receive the PATCH exactly once.
 */
class SyncAckSurvivesKillTest {

    private static final String USER = "crash-test";
    private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());
    private static final int DELAY_SECONDS = 8;
    private static final int SIGKILL_EXIT = 137;

    private static Sandbox sandbox;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String syncRequestId = "55" + System.nanoTime();
    private final List<Process> runtimes = new ArrayList<>();

    @TempDir
    private Path work;

    @BeforeAll
    static void startSandbox() throws IOException {
        sandbox = Sandbox.start(Sandbox.Ports.free());
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @AfterEach
    void stopRuntimes() throws InterruptedException {
        for (Process runtime : runtimes) {
            runtime.destroy();
            if (!runtime.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                runtime.destroyForcibly();
            }
        }
    }

    @Test
    void aSyncAckWaitingWhenTheRuntimeIsKilledIsSentExactlyOnceAfterTheRestart() throws Exception {
        Path lookups = copyLookupsWithDelay();
        Path data = Files.createDirectories(work.resolve("data"));
        int firstPort = freePort();
        Process first = start(firstPort, lookups, data, "runtime-1");

        HttpResponse<String> answer = postSync(firstPort);
        Instant answered = Instant.now();
        first.destroyForcibly();
        int exit = first.waitFor();
        Instant killed = Instant.now();

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(json.readTree(answer.body()).get("externalId").asText()).isEqualTo(syncRequestId);
        assertThat(exit).as("exit status of a JVM ended by SIGKILL").isEqualTo(SIGKILL_EXIT);
        assertThat(patches()).as("no PATCH before the kill").isEmpty();
        assertThat(killed).as("killed while the ack was waiting").isBefore(answered.plusSeconds(DELAY_SECONDS));

        int secondPort = freePort();
        start(secondPort, lookups, data, "runtime-2");
        Instant restarted = Instant.now();
        await().atMost(Duration.ofSeconds(60)).until(() -> !patches().isEmpty());
        await().during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(8))
                .until(() -> patches().size() == 1);

        SimRequest patch = patches().get(0);
        assertThat(patch.receivedAt()).isAfterOrEqualTo(answered.plusSeconds(DELAY_SECONDS));
        assertThat(json.readTree(patch.body())).isEqualTo(json.readTree("{\"exceptionInfo\":[]}"));
        System.out.printf(
                "sync %s answered %s, killed %s (exit %d), restarted ready %s, PATCH received %s, PATCHes: %d%n",
                syncRequestId,
                answered,
                killed,
                exit,
                restarted,
                patch.receivedAt(),
                patches().size());
    }

    /** Starts the runtime in its own JVM; its console goes to target/sync-ack-kill/{syncRequestId}/{name}.log. */
    private Process start(int port, Path lookups, Path data, String name) throws Exception {
        Path log = Files.createDirectories(Path.of("target", "sync-ack-kill", syncRequestId))
                .resolve(name + ".log");
        Map<String, String> settings = new LinkedHashMap<>(sandbox.runtimeProperties());
        settings.put("server.port", String.valueOf(port));
        settings.put("inbound.username", USER);
        settings.put("inbound.password", PASSWORD);
        settings.put("console.username", USER);
        settings.put("console.password", PASSWORD);
        settings.put("lookups.directory", lookups.toString());
        settings.put("runtime.data-directory", data.toString());
        settings.put(
                "runtime.routes-directory", Path.of("routes").toAbsolutePath().toString());
        settings.put("camel.main.jmx-enabled", "false");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", classpath, Application.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Settings go in through the environment, so the credentials do not show in the process list.
        builder.environment().put("SPRING_APPLICATION_JSON", json.writeValueAsString(settings));
        Process runtime = builder.start();
        runtimes.add(runtime);
        awaitReady(runtime, port, log);
        return runtime;
    }

    private void awaitReady(Process runtime, int port, Path log) {
        HttpRequest ready = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .build();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .failFast("the runtime ended; see " + log, () -> !runtime.isAlive())
                .until(() -> {
                    try {
                        return http.send(ready, HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    private HttpResponse<String> postSync(int port) throws Exception {
        String body =
                Files.readString(Path.of("samples", "enrollment-sync.json")).replace("15449036987849", syncRequestId);
        String pair = USER + ":" + PASSWORD;
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/enrollment-sync"))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private List<SimRequest> patches() {
        return sandbox.dacs().journal("syncRequest").stream()
                .filter(r -> r.path().endsWith("/syncRequest/" + syncRequestId))
                .toList();
    }

    private Path copyLookupsWithDelay() throws IOException {
        Path lookups = Files.createDirectories(work.resolve("lookups"));
        try (Stream<Path> files = Files.list(Path.of("lookups"))) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                if (file.getFileName().toString().endsWith("ConfigProps.properties")) {
                    text = text.replaceAll(
                            "(?m)^enrollment\\.sync\\.ack\\.delay\\.seconds=.*$",
                            "enrollment.sync.ack.delay.seconds=" + DELAY_SECONDS);
                }
                Files.writeString(lookups.resolve(file.getFileName()), text);
            }
        }
        return lookups;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
