package org.dacsderms.runtime.sandbox;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dacsderms.runtime.Application;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * What {@code make run} starts: the sandbox on fixed loopback ports, then the runtime on port 8080 configured to use
 * it, with the embedded H2 database under {@code data/} and inbound credentials {@code sandbox}/{@code sandbox}
 * for both the flows and the console unless INBOUND_USERNAME, INBOUND_PASSWORD, CONSOLE_USERNAME and
 * CONSOLE_PASSWORD are set. SANDBOX_PORT_OFFSET moves every port, the runtime's included.
 */
public final class SandboxApplication {

    private SandboxApplication() {}

    public static void main(String[] args) throws Exception {
        // SANDBOX_PORT_OFFSET moves every port (runtime included) by that much, for a second sandbox on one machine.
        int offset = Integer.parseInt(System.getenv().getOrDefault("SANDBOX_PORT_OFFSET", "0"));
        // A second sandbox keeps its own files and database, so it never touches the first one's.
        Path files = offset == 0 ? Path.of("target", "sandbox") : Path.of("target", "sandbox-" + offset);
        Sandbox sandbox = Sandbox.start(Sandbox.Ports.fixed().shifted(offset), files);
        DeviceScoreSamples.seed(sandbox);
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sandbox-stop"));
        Map<String, Object> defaults = new LinkedHashMap<>(sandbox.runtimeProperties());
        defaults.put("inbound.username", "sandbox");
        defaults.put("inbound.password", "sandbox");
        defaults.put("console.username", "sandbox");
        defaults.put("console.password", "sandbox");
        defaults.put("server.port", String.valueOf(8080 + offset));
        // The sandbox is for this machine only, like its simulators.
        defaults.put("server.address", "127.0.0.1");
        DeviceScoreSamples.schedule(defaults);
        if (offset != 0) {
            defaults.put(
                    "runtime.data-directory",
                    files.resolve("data").toAbsolutePath().toString());
        }
        SpringApplication runtime = new SpringApplication(Application.class);
        // Sandbox connections win over application.yaml; the environment and the command line still win over both.
        runtime.addInitializers(context -> context.getEnvironment()
                .getPropertySources()
                .addAfter("systemEnvironment", new MapPropertySource("sandbox", defaults)));
        ConfigurableApplicationContext context;
        try {
            context = runtime.run(args);
        } catch (RuntimeException e) {
            // The servers above are not daemons: without this the process would hold their ports after a failed start.
            sandbox.close();
            System.exit(1);
            return;
        }
        System.out.println();
        System.out.println("Sandbox is up:");
        System.out.println(sandbox.describe());
        String url = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        boolean ownLogin = System.getenv("INBOUND_USERNAME") != null || System.getenv("CONSOLE_USERNAME") != null;
        System.out.println("Runtime             " + url
                + (ownLogin ? "   (the login set in the environment)" : "   (user sandbox, password sandbox)"));
        System.out.println("Console             " + url + "/actuator/hawtio");
    }
}
