package org.dacsderms.runtime.eventfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dacsderms.runtime.Application;
import org.dacsderms.runtime.sandbox.Behaviour;
import org.dacsderms.runtime.sandbox.SimRequest;
import org.dacsderms.runtime.support.RuntimeTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime is killed (SIGKILL, no shutdown) halfway through a file and started again on the same data directory:
 * the file runs again and DERMS gets one acknowledgment that accounts for every record. The runtime runs as a child
 * JVM here, because a kill inside the test's own JVM would not be a kill.
 */
class EventFileRestartTest extends RuntimeTestSupport {

    private static final int ROWS = 4000;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopChildren() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void aRuntimeKilledHalfwayThroughAFileFinishesItAfterItsRestartAndTheAckAccountsForEveryRecord() throws Exception {
        SANDBOX.dacs().behave(Behaviour.normal("postEventOutcome").withDelay(250));
        int firstPort = freePort();
        Process first = startRuntime(firstPort, "first");
        Multipart upload = new Multipart()
                .json("message", sample("event-outcome-message.json"))
                .csv("outcome.csv", EventFileFlowTest.outcomeRows(ROWS));

        HttpResponse<String> accepted = upload(firstPort, upload);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String trackingId = accepted.headers().firstValue("X-Tracking-Id").orElseThrow();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> SANDBOX.dacs().journal("postEventOutcome").size() >= 6);
        first.destroyForcibly().waitFor();
        int callsBeforeKill = SANDBOX.dacs().journal("postEventOutcome").size();
        assertThat(callsBeforeKill).isLessThan(ROWS / 200);
        assertThat(ackFor(trackingId)).isNull();

        startRuntime(freePort(), "second");

        await().atMost(Duration.ofSeconds(120)).until(() -> ackFor(trackingId) != null);
        JsonNode ack = ackFor(trackingId);
        assertThat(ack.at("/MsgAck/ackType").asText()).isEqualTo("SUCCESS");
        assertThat(ack.get("recordCount").asLong()).isEqualTo(ROWS);
        assertThat(ack.get("sentCount").asLong()).isEqualTo(ROWS);
        Set<String> delivered = new HashSet<>();
        for (SimRequest call : SANDBOX.dacs().journal("postEventOutcome")) {
            JSON.readTree(call.body())
                    .get("postOutcomeList")
                    .forEach(o -> delivered.add(o.get("nicId").asText()));
        }
        assertThat(delivered).hasSize(ROWS).contains("NIC-1", "NIC-" + ROWS);
        assertThat(SANDBOX.dacs().journal("postEventOutcome")).hasSize(callsBeforeKill + ROWS / 200);
    }

    private Process startRuntime(int port, String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                Application.class.getName(),
                "--server.port=" + port,
                "--runtime.data-directory=" + data,
                "--lookups.directory=" + LOOKUPS,
                "--spring.jmx.enabled=false",
                "--camel.main.jmx-enabled=false"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(new File("."))
                .redirectErrorStream(true)
                .redirectOutput(
                        Path.of("target", "restart-test-" + name + ".log").toFile());
        Map<String, String> environment = builder.environment();
        SANDBOX.runtimeProperties().forEach((key, value) -> environment.put(envName(key), value));
        environment.put("INBOUND_USERNAME", USER);
        environment.put("INBOUND_PASSWORD", PASSWORD);
        environment.put("CONSOLE_USERNAME", OPERATOR);
        environment.put("CONSOLE_PASSWORD", OPERATOR_PASSWORD);
        Process process = builder.start();
        children.add(process);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> ready(port));
        return process;
    }

    private static String envName(String property) {
        return property.toUpperCase().replace("-", "").replace('.', '_');
    }

    private static boolean ready(int port) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static HttpResponse<String> upload(int port, Multipart multipart) throws Exception {
        String pair = USER + ":" + PASSWORD;
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/event-outcome-to-dacs"))
                        .header("Content-Type", multipart.contentType())
                        .header(
                                "Authorization",
                                "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode ackFor(String trackingId) throws IOException {
        for (SimRequest request : SANDBOX.derms("nms1").journal("event-outcome-ack")) {
            JsonNode ack = JSON.readTree(request.body());
            if (trackingId.equals(ack.path("trackingId").asText())) {
                return ack;
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
