package dev.sanctions.importers.euxml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.Address;
import dev.sanctions.avro.Identifier;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import dev.sanctions.importers.Imported;
import dev.sanctions.importers.PreparedSnapshot;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EuXmlFormatTest {
    private static final Path FILE = Imported.FORMATS.resolve("eu-fsf.xml");

    @Test
    void theExportIsOneSnapshotOfTheFsfAtItsGenerationDate() {
        PreparedSnapshot snapshot = Imported.prepared(new EuXmlFormat(), FILE);

        assertThat(snapshot.header().getAuthority()).isEqualTo("EU-COUNCIL");
        assertThat(snapshot.header().getJurisdiction()).isEqualTo("EU");
        assertThat(snapshot.header().getList()).isEqualTo("FSF");
        assertThat(snapshot.header().getPublishedAt()).isEqualTo(Instant.parse("2026-03-02T16:12:45.123Z"));
        assertThat(snapshot.entryCount()).isEqualTo(3);
    }

    @Test
    void aPersonKeepsNamesFunctionCitizenshipBirthDatesAndDocuments() {
        List<Action> entries = Imported.entries(Imported.prepared(new EuXmlFormat(), FILE));
        Action entry = entries.get(0);
        Target t = entry.getTarget();

        assertThat(t.getId()).isEqualTo("9001");
        assertThat(t.getKind()).isEqualTo(TargetKind.PERSON);
        assertThat(t.getName()).isEqualTo("Ivan Petrovich Examplov");
        assertThat(t.getAliases()).containsExactly("Иван Петрович Экзамплов");
        assertThat(t.getPosition()).isEqualTo("Deputy Chairman of the Board");
        assertThat(t.getNationalities()).containsExactly("RU");
        assertThat(t.getBirthDates()).containsExactly("1965-07-14", "circa 1966");
        assertThat(t.getBirthPlaces()).containsExactly("Leningrad, RUSSIAN FEDERATION");
        assertThat(t.getListedOn()).isEqualTo("2022-02-28");
        assertThat(t.getIdentifiers())
                .containsExactly(
                        new Identifier("EU_REFERENCE_NUMBER", "EU.9001.01", null),
                        new Identifier("PASSPORT", "720000001", "RU"));
        assertThat(t.getRemarks())
                .contains("Member of the board of a state-owned bank.")
                .contains("Gender: male")
                .contains("National passport 720000001: issued 2015-03-01");
        assertThat(entry.getPrograms()).containsExactly("UKR");
        assertThat(entry.getReason()).startsWith("2022/336 (OJ L58), published 2022-02-28");
        assertThat(entry.getMeasures()).containsExactly(new Measure(MeasureType.ASSET_FREEZE, null));
    }

    @Test
    void anEntityKeepsItsOtherNamesAddressesAndUnReference() {
        Map<String, Target> targets = Imported.targets(Imported.entries(Imported.prepared(new EuXmlFormat(), FILE)));
        Target foundation = targets.get("9002");

        assertThat(foundation.getKind()).isEqualTo(TargetKind.ORGANIZATION);
        assertThat(foundation.getName()).isEqualTo("Example Relief Foundation");
        assertThat(foundation.getAliases()).containsExactly("Fondation de secours exemple");
        assertThat(foundation.getAddresses())
                .containsExactly(
                        new Address("Plot 12, Block 7, 75300, Karachi, Sindh", "PK"),
                        new Address("Somewhere in the border area", null));
        assertThat(foundation.getIdentifiers())
                .contains(
                        new Identifier("UN_REFERENCE_NUMBER", "QDe.999", null),
                        new Identifier("REGNUMBER", "REG-4455", "PK"),
                        new Identifier("EMAIL", "info@example.org", null));

        Target general = targets.get("9003");
        assertThat(general.getBirthDates()).containsExactly("1958/1960");
        assertThat(general.getNationalities()).isNull();
        assertThat(general.getRemarks()).contains("Citizenship: Soviet Union").contains("Title: Brigadier General");
    }
}
