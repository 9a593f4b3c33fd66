package org.dacsderms.runtime.platform.lookup;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The lookup tables operators edit while the flows run: one properties file per table in {@code lookups/}, named
 * after the table ({@code OUTL-BRT-DACS_DRMS_AssetType.properties}). A table is addressed by its short name, the file
 * name without the vendor prefix ({@code AssetType}). Files are read again when they change, at most once per
 * refresh interval, so an edit applies to the next message without a restart.
 */
@Component
public class LookupTables {

    /** The vendor's prefix of every table name; file names keep it, flows use the short name. */
    public static final String TABLE_PREFIX = "OUTL-BRT-DACS_DRMS_";

    private static final Logger LOG = LoggerFactory.getLogger(LookupTables.class);
    private static final String SUFFIX = ".properties";

    private final Path directory;
    private final long refreshNanos;
    private volatile Map<String, Table> tables = Map.of();
    private volatile long checkedAt;
    private final Map<String, String> broken = new ConcurrentHashMap<>();

    public LookupTables(LookupProperties properties) {
        this.directory = properties.directory();
        this.refreshNanos = properties.refreshInterval().toNanos();
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("lookups.directory " + directory.toAbsolutePath() + " is not a folder");
        }
        reload();
    }

    /** The value of {@code key} in {@code table}, or a {@link MissingLookupException} naming both. */
    public String get(String table, String key) {
        return find(table, key)
                .orElseThrow(() -> current().containsKey(table)
                        ? new MissingLookupException(table, key)
                        : new MissingLookupException(table, key, directory));
    }

    public Optional<String> find(String table, String key) {
        Table found = current().get(table);
        return found == null
                ? Optional.empty()
                : Optional.ofNullable(found.entries().get(key));
    }

    /** A boolean flag of a table; anything but {@code true} (ignoring case) is false. */
    public boolean flag(String table, String key) {
        return Boolean.parseBoolean(get(table, key).trim());
    }

    public int number(String table, String key) {
        String value = get(table, key).trim();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(
                    "lookup " + TABLE_PREFIX + table + " entry '" + key + "' is not a whole number: " + value, e);
        }
    }

    private Map<String, Table> current() {
        if (System.nanoTime() - checkedAt >= refreshNanos) {
            reload();
        }
        return tables;
    }

    private synchronized void reload() {
        Map<String, Table> next = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                String name = shortName(file);
                Table previous = tables.get(name);
                FileTime modified = Files.getLastModifiedTime(file);
                long size = Files.size(file);
                boolean unchanged = previous != null && previous.modified().equals(modified) && previous.size() == size;
                Table table = unchanged ? previous : readOrKeep(file, name, previous, modified, size);
                if (table != null) {
                    next.put(name, table);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lookup folder " + directory, e);
        }
        tables = Map.copyOf(next);
        checkedAt = System.nanoTime();
    }

    /**
     * Reads an edited table. A file that cannot be read keeps the table as it was before the edit, so a typo does not
     * stop the flows; the error names the file. At start-up there is nothing to keep, and the start fails.
     */
    private Table readOrKeep(Path file, String name, Table previous, FileTime modified, long size) throws IOException {
        try {
            return read(file, name, modified, size);
        } catch (IllegalArgumentException e) {
            String problem = "lookup file " + file.getFileName() + " cannot be read: " + e.getMessage();
            if (tables.isEmpty() && checkedAt == 0) {
                throw new IllegalStateException(problem, e);
            }
            broken.put(name, problem);
            LOG.error("{}; the table keeps its previous entries until the file is fixed", problem);
            return previous == null ? null : new Table(previous.entries(), modified, size);
        }
    }

    /** Tables whose file could not be read at the last edit, with the reason; empty when all are sound. */
    public Map<String, String> brokenTables() {
        current();
        return Map.copyOf(broken);
    }

    private Table read(Path file, String name, FileTime modified, long size) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("it is not UTF-8", e);
        }
        broken.remove(name);
        Map<String, String> entries = new HashMap<>();
        properties.forEach(
                (key, value) -> entries.put(key.toString(), value.toString().trim()));
        LOG.info("Loaded lookup {} ({} entries)", name, entries.size());
        return new Table(Map.copyOf(entries), modified, size);
    }

    private static String shortName(Path file) {
        String name = file.getFileName().toString();
        name = name.substring(0, name.length() - SUFFIX.length());
        return name.startsWith(TABLE_PREFIX) ? name.substring(TABLE_PREFIX.length()) : name;
    }

    private record Table(Map<String, String> entries, FileTime modified, long size) {}
}
