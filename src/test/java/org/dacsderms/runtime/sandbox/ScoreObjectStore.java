package org.dacsderms.runtime.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;

/**
 * The sandbox's S3-compatible object storage: S3Proxy on loopback over a jclouds filesystem store (objects are files
 * on disk, so big objects do not sit in memory), with one bucket for device score files (ConfigProps
 * {@code dacs.os.dvcScore.bucketname}) and AWS V4 signatures checked against made-up keys.
 */
public final class ScoreObjectStore implements AutoCloseable {

    public static final String BUCKET = "dacs-device-scores";
    public static final String REGION = "us-east-1";

    private final String accessKey = "sandbox-" + UUID.randomUUID().toString().substring(0, 8);
    private final String secretKey = UUID.randomUUID().toString();
    private final BlobStoreContext context;
    private final BlobStore blobs;
    private final S3Proxy proxy;

    public ScoreObjectStore(int port, Path directory) {
        Properties overrides = new Properties();
        overrides.setProperty("jclouds.filesystem.basedir", directory.toString());
        context = ContextBuilder.newBuilder("filesystem")
                .credentials("sandbox", "sandbox")
                .overrides(overrides)
                .build(BlobStoreContext.class);
        blobs = context.getBlobStore();
        blobs.createContainerInLocation(null, BUCKET);
        proxy = S3Proxy.builder()
                .blobStore(blobs)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        try {
            proxy.start();
            while (!AbstractLifeCycle.STARTED.equals(proxy.getState())) {
                Thread.onSpinWait();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the sandbox object storage", e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    public void put(String key, byte[] content) {
        blobs.putBlob(
                BUCKET,
                blobs.blobBuilder(key)
                        .payload(content)
                        .contentLength(content.length)
                        .build());
    }

    /** Keys in the bucket, sorted. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (StorageMetadata entry : blobs.list(BUCKET, ListContainerOptions.Builder.recursive())) {
            keys.add(entry.getName());
        }
        keys.sort(null);
        return keys;
    }

    public byte[] content(String key) {
        try (InputStream in = blobs.getBlob(BUCKET, key).getPayload().openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String key) {
        blobs.removeBlob(BUCKET, key);
    }

    public void clear() {
        keys().forEach(key -> blobs.removeBlob(BUCKET, key));
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the sandbox object storage", e);
        } finally {
            context.close();
        }
    }
}
