package org.dacsderms.runtime.devicescore;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The S3-compatible API of the object storage DACS drops device score files in. Namespace and bucket are business
 * settings ({@code dacs.os.namespace}, {@code dacs.os.dvcScore.bucketname} in ConfigProps).
 *
 * @param endpoint the store's S3-compatible endpoint (endpoint override), e.g.
 *     {@code https://{namespace}.compat.objectstorage.{region}.oraclecloud.com}
 * @param region the signing region
 * @param pathStyle path-style addressing ({@code endpoint/bucket/key}, default true), which most S3-compatible
 *     stores need
 * @param accessKey the access key id
 * @param secretKey its secret, from the environment (OBJECT_STORAGE_SECRET_KEY); never logged
 */
@Validated
@ConfigurationProperties("object-storage")
public record ObjectStorageProperties(
        @NotNull URI endpoint,
        @NotBlank String region,
        Boolean pathStyle,
        @NotBlank String accessKey,
        String secretKey) {

    public ObjectStorageProperties {
        pathStyle = pathStyle == null || pathStyle;
    }

    @Override
    public String toString() {
        return "ObjectStorageProperties[" + endpoint + ", region=" + region + ", accessKey=" + accessKey
                + ", secretKey=****]";
    }
}
