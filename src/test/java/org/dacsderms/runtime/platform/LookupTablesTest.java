package org.dacsderms.runtime.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.dacsderms.runtime.platform.lookup.LookupProperties;
import org.dacsderms.runtime.platform.lookup.LookupPropertiesSource;
import org.dacsderms.runtime.platform.lookup.LookupTables;
import org.dacsderms.runtime.platform.lookup.MissingLookupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookupTablesTest {

    @TempDir
    Path folder;

    @Test
    void aTableIsReadByItsShortName() throws Exception {
        write("OUTL-BRT-DACS_DRMS_AssetSpec.properties", "ECOBEE!SMART-PREMIUM=X1-ECB-SMPREM\n");

        LookupTables tables = tables();

        assertThat(tables.get("AssetSpec", "ECOBEE!SMART-PREMIUM")).isEqualTo("X1-ECB-SMPREM");
    }

    @Test
    void aMissingEntryIsAnErrorNamingTheTableAndTheKey() throws Exception {
        write("OUTL-BRT-DACS_DRMS_AssetType.properties", "THERMOSTAT=X1TSTAT\n");

        assertThatThrownBy(() -> tables().get("AssetType", "POOL_PUMP"))
                .isInstanceOf(MissingLookupException.class)
                .hasMessage("lookup OUTL-BRT-DACS_DRMS_AssetType has no entry for 'POOL_PUMP'");
        assertThatThrownBy(() -> tables().get("NoSuchTable", "x"))
                .hasMessage("lookup OUTL-BRT-DACS_DRMS_NoSuchTable is missing (no file "
                        + "OUTL-BRT-DACS_DRMS_NoSuchTable.properties in " + folder + "), needed for 'x'");
    }

    @Test
    void anEditIsSeenByTheNextReadAfterTheRefreshInterval() throws Exception {
        write("OUTL-BRT-DACS_DRMS_EventType.properties", "ECONOMIC=X1EC\n");
        LookupTables tables = tables();
        assertThat(tables.get("EventType", "ECONOMIC")).isEqualTo("X1EC");

        write("OUTL-BRT-DACS_DRMS_EventType.properties", "ECONOMIC=X1ECON\nEMERGENCY=X1EM\n");

        assertThat(tables.get("EventType", "ECONOMIC")).isEqualTo("X1ECON");
        assertThat(tables.get("EventType", "EMERGENCY")).isEqualTo("X1EM");
    }

    @Test
    void aFileBrokenByAnEditKeepsItsPreviousEntriesAndIsReported() throws Exception {
        write("OUTL-BRT-DACS_DRMS_AssetType.properties", "THERMOSTAT=X1TSTAT\n");
        LookupTables tables = tables();

        write("OUTL-BRT-DACS_DRMS_AssetType.properties", "THERMOSTAT=X1NEW\nBROKEN=\\uZZZZ\n");

        assertThat(tables.get("AssetType", "THERMOSTAT")).isEqualTo("X1TSTAT");
        assertThat(tables.brokenTables()).containsOnlyKeys("AssetType");
        assertThat(tables.brokenTables().get("AssetType"))
                .startsWith("lookup file OUTL-BRT-DACS_DRMS_AssetType.properties cannot be read");

        write("OUTL-BRT-DACS_DRMS_AssetType.properties", "THERMOSTAT=X1FIXED\n");

        assertThat(tables.get("AssetType", "THERMOSTAT")).isEqualTo("X1FIXED");
        assertThat(tables.brokenTables()).isEmpty();
    }

    @Test
    void aBrokenFileAtStartStopsTheStartNamingTheFile() throws Exception {
        write("OUTL-BRT-DACS_DRMS_AssetType.properties", "BROKEN=\\uZZZZ\n");

        assertThatThrownBy(this::tables)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("lookup file OUTL-BRT-DACS_DRMS_AssetType.properties cannot be read");
    }

    @Test
    void entriesAreCamelPropertiesNamedTableDotKey() throws Exception {
        write("OUTL-BRT-DACS_DRMS_Email_ID.properties", "to.process.notification=ops@utility.example\n");

        LookupPropertiesSource source = new LookupPropertiesSource(tables());

        assertThat(source.getProperty("Email_ID.to.process.notification")).isEqualTo("ops@utility.example");
        assertThat(source.getProperty("Email_ID.cc")).isNull();
        assertThat(source.getProperty("server.port")).isNull();
    }

    @Test
    void aFlagIsTrueOnlyWhenItSaysTrue() throws Exception {
        write("OUTL-BRT-DACS_DRMS_ConfigProps.properties", "a=true\nb=TRUE \nc=yes\n");

        LookupTables tables = tables();

        assertThat(tables.flag("ConfigProps", "a")).isTrue();
        assertThat(tables.flag("ConfigProps", "b")).isTrue();
        assertThat(tables.flag("ConfigProps", "c")).isFalse();
    }

    private LookupTables tables() {
        return new LookupTables(new LookupProperties(folder, Duration.ZERO));
    }

    private void write(String file, String content) throws Exception {
        Files.writeString(folder.resolve(file), content);
    }
}
