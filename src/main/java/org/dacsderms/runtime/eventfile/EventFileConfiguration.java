package org.dacsderms.runtime.eventfile;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * Multipart uploads as the event file flows need them: every part goes to disk as it arrives (threshold 0), into the
 * uploads folder beside staging so that staging is a rename, and the container refuses parts over the configured
 * sizes. Parts are parsed only when a flow asks for them, so that the flow answers size and shape errors itself.
 */
@Configuration
public class EventFileConfiguration {

    /** Room for part headers and boundaries on top of the two parts. */
    private static final long ENVELOPE = 64 * 1024;

    @Bean
    MultipartConfigElement multipartConfig(StagedFiles staged, EventFileProperties properties) {
        long file = properties.maxFileSize().toBytes();
        long message = properties.maxMessageSize().toBytes();
        return new MultipartConfigElement(
                staged.uploads().toString(), Math.max(file, message), file + message + ENVELOPE, 0);
    }

    @Bean
    StandardServletMultipartResolver multipartResolver() {
        StandardServletMultipartResolver resolver = new StandardServletMultipartResolver();
        resolver.setResolveLazily(true);
        return resolver;
    }

    static long maxRequestSize(EventFileProperties properties) {
        return properties.maxFileSize().toBytes() + properties.maxMessageSize().toBytes() + ENVELOPE;
    }
}
