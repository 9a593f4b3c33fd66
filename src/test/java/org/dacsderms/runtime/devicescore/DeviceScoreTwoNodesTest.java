package org.dacsderms.runtime.devicescore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dacsderms.runtime.Application;
import org.dacsderms.runtime.sandbox.DeviceScoreReceiver;
import org.dacsderms.runtime.sandbox.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two runtimes (two Spring contexts in this JVM, each with its own Camel context, Quartz scheduler and connection
 * pool) sharing one PostgreSQL database, both firing both transfers every two seconds, while score files keep
 * arriving. {@code .ci/run} starts the PostgreSQL cluster ({@code .ci/postgres}) and exports its URL.
 */
@EnabledIfEnvironmentVariable(
        named = "TEST_POSTGRES_URL",
        matches = ".+",
        disabledReason = "needs a PostgreSQL database: run eval \"$(.ci/postgres)\" first (.ci/run does)")
class DeviceScoreTwoNodesTest {

    private static final int FILES = 50;
    private static final int BATCH = 10;

    private Sandbox sandbox;
    private String schema;
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @BeforeEach
    void startSandboxAndTwoNodes() throws IOException {
        sandbox = Sandbox.start(Sandbox.Ports.free());
        schema = "two_nodes_" + UUID.randomUUID().toString().substring(0, 8);
        Path lookups = copyOfLookups();
        nodes.add(startNode("node-a", lookups));
        nodes.add(startNode("node-b", lookups));
    }

    @AfterEach
    void stopEverything() {
        nodes.forEach(ConfigurableApplicationContext::close);
        sandbox.close();
        database().execute("drop schema if exists " + schema + " cascade");
    }

    @Test
    void fiftyFilesInEachStoreAreDeliveredExactlyOnceAndRunsNeverOverlap() {
        DeviceScoreReceiver derms = DeviceScoreReceiver.of(sandbox.derms("nms1"));
        List<String> names = new ArrayList<>();

        for (int batch = 0; batch < FILES / BATCH; batch++) {
            for (int i = 0; i < BATCH; i++) {
                String name = String.format("SDCSE_20260601_%04d.csv", batch * BATCH + i);
                names.add(name);
                sandbox.ftp().put(name, DeviceScoreFtpTransferTest.randomBytes(2000 + i, batch * BATCH + i));
                sandbox.objectStore().put(name, DeviceScoreFtpTransferTest.randomBytes(3000 + i, i - batch));
            }
            int delivered = (batch + 1) * BATCH * 2;
            await().atMost(Duration.ofSeconds(60)).until(() -> derms.received().size() >= delivered);
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> sandbox.ftp().names().stream().allMatch(name -> name.startsWith("Sent-"))
                        && sandbox.objectStore().keys().stream().allMatch(key -> key.startsWith("Sent-")));
        Map<String, Long> perName = derms.received().stream()
                .collect(Collectors.groupingBy(DeviceScoreReceiver.Received::fileName, Collectors.counting()));
        assertThat(perName).hasSize(FILES);
        assertThat(perName.values()).containsOnly(2L);
        assertThat(derms.received()).hasSize(2 * FILES);
        assertThat(sandbox.ftp().names()).hasSize(FILES).allMatch(name -> name.startsWith("Sent-"));
        assertThat(sandbox.objectStore().keys()).hasSize(FILES).allMatch(key -> key.startsWith("Sent-"));
        assertThat(ledgerRows("ftp")).hasSize(FILES);
        assertThat(ledgerRows("os")).hasSize(FILES);
        assertNoOverlap("device-score-ftp");
        assertNoOverlap("device-score-object-storage");
        System.out.println("Files delivered per node: "
                + database()
                        .queryForList("select node, source, count(*) as files from " + schema
                                + ".device_score_file group by node, source order by node, source"));
    }

    private List<String> ledgerRows(String source) {
        return database()
                .queryForList(
                        "select file_name from " + schema + ".device_score_file where source = ? and state = 'SENT'",
                        String.class,
                        source);
    }

    /** Each run of a flow started after the previous one ended, whichever node ran it. */
    private void assertNoOverlap(String flow) {
        List<Map<String, Object>> runs = database()
                .queryForList(
                        "select started_at, ended_at from " + schema
                                + ".flow_execution where flow = ? order by started_at",
                        flow);
        assertThat(runs).hasSizeGreaterThan(1);
        Function<Object, OffsetDateTime> time = value -> value instanceof OffsetDateTime odt
                ? odt
                : ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
        for (int i = 1; i < runs.size(); i++) {
            OffsetDateTime previousEnd = time.apply(runs.get(i - 1).get("ended_at"));
            OffsetDateTime start = time.apply(runs.get(i).get("started_at"));
            assertThat(start)
                    .as("run %d of %s starts after run %d ended", i, flow, i - 1)
                    .isAfterOrEqualTo(previousEnd);
        }
    }

    private ConfigurableApplicationContext startNode(String name, Path lookups) throws IOException {
        Map<String, Object> properties = new LinkedHashMap<>(sandbox.runtimeProperties());
        properties.put("server.port", "0");
        properties.put("inbound.username", "operator");
        properties.put("inbound.password", UUID.randomUUID().toString());
        properties.put("console.username", properties.get("inbound.username"));
        properties.put("console.password", properties.get("inbound.password"));
        properties.put("lookups.directory", lookups.toString());
        properties.put(
                "runtime.data-directory",
                Files.createTempDirectory("node-data-").toString());
        properties.put("spring.datasource.url", System.getenv("TEST_POSTGRES_URL") + "?currentSchema=" + schema);
        properties.put("spring.datasource.username", System.getenv("TEST_POSTGRES_USER"));
        properties.put("spring.datasource.password", System.getenv("TEST_POSTGRES_PASSWORD"));
        properties.put("spring.flyway.schemas", schema);
        properties.put("spring.datasource.hikari.maximum-pool-size", "4");
        properties.put("spring.jmx.enabled", "false");
        properties.put("camel.main.name", name);
        properties.put("camel.main.jmx-enabled", "false");
        properties.put("flows.device-score.node-name", name);
        properties.put("flows.device-score.lease", "10s");
        properties.put("flows.device-score.read-lock-interval", "100ms");
        properties.put("flows.device-score-ftp.cron", "0/2 * * * * ?");
        properties.put("flows.device-score-object-storage.cron", "1/2 * * * * ?");
        SpringApplication node = new SpringApplication(Application.class);
        node.setDefaultProperties(new HashMap<>(properties));
        String[] args = properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        return node.run(args);
    }

    private JdbcTemplate database() {
        return new JdbcTemplate(new DriverManagerDataSource(
                System.getenv("TEST_POSTGRES_URL"),
                System.getenv("TEST_POSTGRES_USER"),
                System.getenv("TEST_POSTGRES_PASSWORD")));
    }

    private static Path copyOfLookups() throws IOException {
        Path copy = Files.createTempDirectory("lookups-");
        try (Stream<Path> files = Files.list(Path.of("lookups"))) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return copy;
    }
}
