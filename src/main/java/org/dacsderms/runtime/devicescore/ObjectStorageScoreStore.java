package org.dacsderms.runtime.devicescore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

/**
 * A bucket of the object storage, through camel-aws2-s3 (get, copy and delete operations) and the S3 client it is
 * configured with (listing, page by page, since the component's listObjects answers one page of at most 1,000 keys).
 * Keys travel as headers, never inside endpoint URIs, so spaces, {@code +}, {@code %} and non-ASCII characters reach
 * the SDK unchanged and it encodes them. S3 has no rename: copy to the new key, then delete the old one.
 */
final class ObjectStorageScoreStore implements ScoreStore {

    static final String CLIENT_BEAN = "deviceScoreS3Client";

    private final ProducerTemplate producer;
    private final S3Client s3;
    private final String namespace;
    private final String bucket;

    ObjectStorageScoreStore(ProducerTemplate producer, S3Client s3, String namespace, String bucket) {
        this.producer = producer;
        this.s3 = s3;
        this.namespace = namespace;
        this.bucket = bucket;
    }

    @Override
    public String location() {
        return "os://" + namespace + "/" + bucket;
    }

    @Override
    public List<ScoreFile> list(String prefix, List<String> markers) {
        ListObjectsV2Request request =
                ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
        return s3.listObjectsV2Paginator(request).contents().stream()
                .filter(object -> ScoreNames.wanted(object.key(), prefix, markers))
                .map(object -> new ScoreFile(object.key(), object.size(), object.eTag()))
                .toList();
    }

    @Override
    public <T> T read(ScoreFile file, StreamReader<T> reader) {
        Exchange answer = call("getObject", exchange -> exchange.getIn().setHeader(AWS2S3Constants.KEY, file.name()));
        try (InputStream content = answer.getMessage().getMandatoryBody(InputStream.class)) {
            return reader.read(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.apache.camel.InvalidPayloadException e) {
            throw new IllegalStateException("the object storage sent no content for " + file.name(), e);
        }
    }

    @Override
    public void rename(ScoreFile file, String newName) {
        call("copyObject", exchange -> {
            exchange.getIn().setHeader(AWS2S3Constants.KEY, file.name());
            exchange.getIn().setHeader(AWS2S3Constants.BUCKET_DESTINATION_NAME, bucket);
            exchange.getIn().setHeader(AWS2S3Constants.DESTINATION_KEY, newName);
        });
        call("deleteObject", exchange -> exchange.getIn().setHeader(AWS2S3Constants.KEY, file.name()));
    }

    private Exchange call(String operation, org.apache.camel.Processor request) {
        Exchange answer = producer.request(
                "aws2-s3://" + bucket + "?amazonS3Client=#" + CLIENT_BEAN + "&operation=" + operation, request);
        if (answer.getException() != null) {
            throw new IllegalStateException(
                    "object storage " + operation + " failed: "
                            + answer.getException().getMessage(),
                    answer.getException());
        }
        return answer;
    }

    @Override
    public void close() {
        // The S3 client is shared and stays open; nothing is held per run.
    }
}
