package org.dacsderms.runtime.devicescore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.FileComponent;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.component.file.remote.FtpConstants;
import org.apache.camel.component.file.remote.RemoteFileConfiguration;
import org.apache.camel.component.file.remote.RemoteFileEndpoint;
import org.apache.camel.component.file.remote.RemoteFileOperations;
import org.apache.camel.component.file.remote.SftpRemoteFile;
import org.apache.camel.support.DefaultExchange;
import org.apache.commons.net.ftp.FTPFile;

/**
 * A directory on the FTP (or SFTP) server, through camel-ftp's remote file operations: one connection per run,
 * passive mode and binary transfer by default, downloads as streams ({@code streamDownload}), and a read lock that
 * takes a file only when its size and time stamp did not change over the read lock interval (like camel-ftp's
 * {@code readLock=changed}), so a file DACS is still writing waits for the next run.
 */
final class FtpScoreStore implements ScoreStore {

    private final CamelContext camel;
    private final RemoteFileEndpoint<Object> endpoint;
    private final RemoteFileOperations<Object> operations;
    private final String directory;
    private final Duration readLockInterval;

    @SuppressWarnings("unchecked")
    FtpScoreStore(CamelContext camel, FtpProperties ftp, String directory, Duration readLockInterval) {
        this.camel = camel;
        this.directory = trimTrailingSlash(directory);
        this.readLockInterval = readLockInterval;
        this.endpoint = camel.getEndpoint(uri(ftp), RemoteFileEndpoint.class);
        RemoteFileConfiguration configuration = endpoint.getConfiguration();
        // Credentials are set on the configuration, never written into the endpoint URI (which Camel may log).
        configuration.setUsername(ftp.username());
        configuration.setPassword(ftp.password());
        try {
            this.operations = (RemoteFileOperations<Object>) endpoint.createRemoteFileOperations();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the FTP client for " + ftp.host(), e);
        }
        operations.connect(configuration, new DefaultExchange(camel));
    }

    static String uri(FtpProperties ftp) {
        String common = "streamDownload=true&stepwise=false&disconnect=false&throwExceptionOnConnectFailed=true"
                + "&connectTimeout=" + ftp.connectTimeout().toMillis()
                + "&timeout=" + ftp.readTimeout().toMillis();
        String base = ftp.protocol() + "://" + ftp.host() + ":" + ftp.port() + "?" + common;
        if ("sftp".equals(ftp.protocol())) {
            return base + "&serverAliveInterval=" + ftp.readTimeout().toMillis() / 2
                    + "&strictHostKeyChecking=yes&useUserKnownHostsFile=false&knownHostsFile=" + ftp.knownHostsFile();
        }
        return base + "&passiveMode=" + ftp.passiveMode() + "&binary=" + ftp.binary() + "&soTimeout="
                + ftp.readTimeout().toMillis();
    }

    @Override
    public String location() {
        return endpoint.getConfiguration().getProtocol() + "://"
                + endpoint.getConfiguration().getHost() + directory;
    }

    @Override
    public List<ScoreFile> list(String prefix, List<String> markers) {
        Map<String, ScoreFile> first = candidates(prefix, markers);
        if (first.isEmpty() || readLockInterval.isZero()) {
            return List.copyOf(first.values());
        }
        pause(readLockInterval);
        List<ScoreFile> stable = new ArrayList<>();
        candidates(prefix, markers).forEach((name, again) -> {
            if (again.equals(first.get(name))) {
                stable.add(again);
            }
        });
        return stable;
    }

    private Map<String, ScoreFile> candidates(String prefix, List<String> markers) {
        Map<String, ScoreFile> files = new LinkedHashMap<>();
        for (Object entry : operations.listFiles(directory)) {
            ScoreFile file = describe(entry);
            if (file != null && ScoreNames.wanted(file.name(), prefix, markers)) {
                files.put(file.name(), file);
            }
        }
        return files;
    }

    private static ScoreFile describe(Object entry) {
        if (entry instanceof FTPFile ftpFile) {
            if (!ftpFile.isFile()) {
                return null;
            }
            String time = ftpFile.getTimestamp() == null
                    ? ""
                    : String.valueOf(ftpFile.getTimestamp().getTimeInMillis());
            return new ScoreFile(ftpFile.getName(), ftpFile.getSize(), time);
        }
        if (entry instanceof SftpRemoteFile<?> sftpFile) {
            if (sftpFile.isDirectory()) {
                return null;
            }
            return new ScoreFile(
                    sftpFile.getFilename(), sftpFile.getFileLength(), String.valueOf(sftpFile.getLastModified()));
        }
        return null;
    }

    @Override
    public <T> T read(ScoreFile file, StreamReader<T> reader) {
        Exchange exchange = new DefaultExchange(camel);
        GenericFile<Object> target = operations.newGenericFile();
        target.setAbsoluteFilePath(path(file.name()));
        target.setFileName(file.name());
        target.setFileLength(file.size());
        exchange.setProperty(FileComponent.FILE_EXCHANGE_FILE, target);
        if (!operations.retrieveFile(path(file.name()), exchange, file.size())) {
            throw new GenericFileOperationFailedException("cannot download " + path(file.name()));
        }
        InputStream content = exchange.getIn().getHeader(FtpConstants.REMOTE_FILE_INPUT_STREAM, InputStream.class);
        if (content == null) {
            throw new GenericFileOperationFailedException("the server sent no data for " + path(file.name()) + ": "
                    + exchange.getIn().getHeader(FtpConstants.FTP_REPLY_STRING, String.class));
        }
        try {
            return reader.read(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            // Closes the data connection and reads the server's transfer reply, so the next command works.
            operations.releaseRetrievedFileResources(exchange);
        }
    }

    @Override
    public void rename(ScoreFile file, String newName) {
        if (!operations.renameFile(path(file.name()), path(newName))) {
            throw new GenericFileOperationFailedException(
                    "the server refused to rename " + file.name() + " to " + newName);
        }
    }

    @Override
    public void close() {
        try {
            operations.disconnect();
        } catch (GenericFileOperationFailedException e) {
            operations.forceDisconnect();
        }
    }

    private String path(String name) {
        return directory + "/" + name;
    }

    private static String trimTrailingSlash(String directory) {
        return directory.endsWith("/") && directory.length() > 1
                ? directory.substring(0, directory.length() - 1)
                : directory;
    }

    private static void pause(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the FTP read lock wait", e);
        }
    }
}
