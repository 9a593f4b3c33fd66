package org.dacsderms.runtime.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * The sandbox's FTP server (Apache FtpServer) on loopback, passive data connections on loopback too, with one user
 * whose home is a folder on disk. DACS drops device score files in {@code /outbound/scores} (ConfigProps
 * {@code dacs.dvcScore.ftp.input.directory}). Renames can be held ({@link #holdRenames()}), which is how a test
 * stops the runtime between DERMS's answer and the rename.
 */
public final class ScoreFtpServer implements AutoCloseable {

    public static final String SCORE_DIRECTORY = "outbound/scores";

    private final Path home;
    private final String username = "dacs";
    private final String password = UUID.randomUUID().toString();
    private final FtpServer server;
    private final int port;
    private final AtomicInteger heldRenames = new AtomicInteger();
    private volatile CountDownLatch renameGate;

    public ScoreFtpServer(int port, Path home) {
        this.home = home;
        try {
            Files.createDirectories(home.resolve(SCORE_DIRECTORY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(port);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassiveAddress("127.0.0.1");
        data.setPassiveExternalAddress("127.0.0.1");
        data.setPassivePorts("0");
        listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        listener.setIdleTimeout(120);
        factory.addListener("default", listener.createListener());
        factory.setUserManager(new PropertiesUserManagerFactory().createUserManager());
        factory.setFtplets(new java.util.HashMap<>(Map.of("renameGate", new RenameGate())));
        BaseUser user = new BaseUser();
        user.setName(username);
        user.setPassword(password);
        user.setHomeDirectory(home.toString());
        user.setAuthorities(List.<Authority>of(new WritePermission(), new ConcurrentLoginPermission(50, 50)));
        try {
            factory.getUserManager().save(user);
            server = factory.createServer();
            server.start();
        } catch (FtpException e) {
            throw new IllegalStateException("cannot start the sandbox FTP server", e);
        }
        this.port = factory.getListener("default").getPort();
    }

    public int port() {
        return port;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** The score directory on disk. */
    public Path scoreDirectory() {
        return home.resolve(SCORE_DIRECTORY);
    }

    public Path put(String name, byte[] content) {
        try {
            return Files.write(scoreDirectory().resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names in the score directory, sorted. */
    public List<String> names() {
        try (Stream<Path> files = Files.list(scoreDirectory())) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] content(String name) {
        try {
            return Files.readAllBytes(scoreDirectory().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String name) {
        try {
            Files.deleteIfExists(scoreDirectory().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void clear() {
        names().forEach(name -> {
            try {
                Files.deleteIfExists(scoreDirectory().resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** From now on a rename (RNFR) waits until {@link #releaseRenames()}, at most two minutes. */
    public void holdRenames() {
        renameGate = new CountDownLatch(1);
    }

    public void releaseRenames() {
        CountDownLatch gate = renameGate;
        renameGate = null;
        if (gate != null) {
            gate.countDown();
        }
    }

    /** Renames that reached the server while renames were held. */
    public int heldRenames() {
        return heldRenames.get();
    }

    @Override
    public void close() {
        releaseRenames();
        server.stop();
    }

    private final class RenameGate extends DefaultFtplet {
        @Override
        public FtpletResult beforeCommand(FtpSession session, FtpRequest request) throws FtpException, IOException {
            CountDownLatch gate = renameGate;
            if (gate != null && "RNFR".equalsIgnoreCase(request.getCommand())) {
                heldRenames.incrementAndGet();
                try {
                    gate.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.beforeCommand(session, request);
        }
    }
}
