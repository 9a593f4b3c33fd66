package org.dacsderms.runtime.devicescore;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Where device score files wait: an FTP directory or an object storage bucket, open for one run. */
public interface ScoreStore extends AutoCloseable {

    /** What reads one file's bytes as a stream; the stream is closed by the store afterwards. */
    @FunctionalInterface
    interface StreamReader<T> {
        T read(InputStream content) throws IOException;
    }

    /** The directory or bucket, as the ledger and the e-mails name it. */
    String location();

    /** The files whose names start with {@code prefix} and with none of the {@code markers}, ready to be taken. */
    List<ScoreFile> list(String prefix, List<String> markers);

    /** Streams one file's content to {@code reader}, never holding the whole file in memory. */
    <T> T read(ScoreFile file, StreamReader<T> reader);

    /** Renames the file in place to {@code newName} (object storage: copy to the new key, then delete). */
    void rename(ScoreFile file, String newName);

    @Override
    void close();
}
