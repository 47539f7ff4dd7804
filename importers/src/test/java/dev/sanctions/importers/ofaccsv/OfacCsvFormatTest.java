package dev.sanctions.importers.ofaccsv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.Address;
import dev.sanctions.avro.Identifier;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import dev.sanctions.importers.Imported;
import dev.sanctions.importers.ListImport;
import dev.sanctions.importers.PreparedSnapshot;
import dev.sanctions.importers.PublishedAtSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OfacCsvFormatTest {
    static final Path DIRECTORY = Imported.FORMATS.resolve("ofac-csv");
    private static final Instant PUBLISHED = Instant.parse("2021-06-01T14:00:00Z");

    private static PreparedSnapshot excerpt() {
        return Imported.prepared(
                new OfacCsvFormat(), new ListImport.Options(Optional.empty(), Optional.of(PUBLISHED), 0.25), DIRECTORY);
    }

    private static Map<String, Target> targets() {
        return Imported.targets(Imported.entries(excerpt()));
    }

    @Test
    void theDirectoryIsOneSnapshotOfTheSdnListAtTheDateGiven() {
        PreparedSnapshot snapshot = excerpt();

        assertThat(snapshot.entryCount()).isEqualTo(26);
        assertThat(snapshot.header().getAuthority()).isEqualTo("US-OFAC");
        assertThat(snapshot.header().getJurisdiction()).isEqualTo("US");
        assertThat(snapshot.header().getList()).isEqualTo("SDN");
        // The delimited files carry no date of their own.
        assertThat(snapshot.publishedAtSource()).isEqualTo(PublishedAtSource.OPTION);
        assertThat(snapshot.header().getPublishedAt()).isEqualTo(PUBLISHED);
        assertThat(snapshot.kinds())
                .containsEntry(TargetKind.PERSON, 10)
                .containsEntry(TargetKind.VESSEL, 4)
                .containsEntry(TargetKind.AIRCRAFT, 2);
    }

    @Test
    void theFilesGivenOneByOneReadAsTheDirectory() {
        PreparedSnapshot files = Imported.prepared(
                new OfacCsvFormat(),
                new ListImport.Options(Optional.empty(), Optional.of(PUBLISHED), 0.25),
                DIRECTORY.resolve("sdn.csv"),
                DIRECTORY.resolve("add.csv"),
                DIRECTORY.resolve("alt.csv"));

        assertThat(files.header().getAnnouncementId())
                .isEqualTo(excerpt().header().getAnnouncementId());
    }

    @Test
    void remarksGiveBirthDatesPlacesNationalitiesPassportsAndWeakAliases() {
        Map<String, Target> targets = targets();
        Target zubaydah = targets.get("SDN-6905");

        assertThat(zubaydah.getKind()).isEqualTo(TargetKind.PERSON);
        assertThat(zubaydah.getName()).isEqualTo("ABU ZUBAYDAH");
        assertThat(zubaydah.getBirthDates()).containsExactly("1971-03-12");
        assertThat(zubaydah.getBirthPlaces()).containsExactly("Riyadh, Saudi Arabia");
        assertThat(zubaydah.getNationalities()).containsExactly("PS");
        assertThat(zubaydah.getIdentifiers()).containsExactly(new Identifier("PASSPORT", "484824", "EG"));
        // The issue date has no field: the segment stays in the remarks.
        assertThat(zubaydah.getRemarks()).isEqualTo("Passport 484824 (Egypt) issued 18 Jan 1984");
        assertThat(zubaydah.getAliases()).contains("TARIQ", "HUSAYN, Zayn al-Abidin Muhammad");

        Target sharif = targets.get("SDN-6944");
        assertThat(sharif.getBirthDates()).containsExactly("1969", "1963", "1964-02-11");
        assertThat(sharif.getIdentifiers())
                .containsExactly(
                        new Identifier("PASSPORT", "B 960789", null), new Identifier("PASSPORT", "G 649385", null));

        assertThat(targets.get("SDN-7782").getBirthDates()).containsExactly("circa 1951");
        assertThat(targets.get("SDN-7782").getBirthPlaces()).containsExactly("Foca, Bosnia-Herzegovina");
        assertThat(targets.get("SDN-7203").getIdentifiers())
                .contains(new Identifier("ITALIAN_FISCAL_CODE", "DAOMMD74T11Z352Z", null));
    }

    @Test
    void vesselsKeepImoMmsiCallSignFlagAndFormerNames() {
        Target artavil = targets().get("SDN-15036");

        assertThat(artavil.getKind()).isEqualTo(TargetKind.VESSEL);
        assertThat(artavil.getIdentifiers())
                .contains(
                        new Identifier("CALL_SIGN", "T2EU4", null),
                        new Identifier("IMO", "9187629", null),
                        new Identifier("MMSI", "572469210", null));
        assertThat(artavil.getNationalities()).containsExactly("IR");
        assertThat(artavil.getAliases()).contains("ABADAN", "SHONA", "ALPHA");
        assertThat(artavil.getRemarks())
                .contains("Vessel type: Crude/Oil Products Tanker")
                .contains("Tonnage: 99,144")
                .contains("Former Vessel Flag Malta")
                .contains("Linked To: NATIONAL IRANIAN TANKER COMPANY");
    }

    @Test
    void digitalCurrencyAddressesAreIdentifiersAndACutOffOneStaysARemark() {
        Target secondEye = targets().get("SDN-30518");

        assertThat(secondEye.getIdentifiers())
                .contains(new Identifier("DIGITAL_CURRENCY_ADDRESS_XBT", "1NE2NiGhhbkFPSEyNWwj7hKGhGDedBtSrQ", null))
                .contains(new Identifier("WEBSITE", "secondeyesolution.su", null))
                .contains(new Identifier("EMAIL", "support@secondeyesolution.com", null))
                .noneMatch(i -> i.getValue().equals("1Gq"));
        // OFAC cut the Remarks at the column's width; without sdn_comments.csv the rest is unknown.
        assertThat(secondEye.getRemarks()).endsWith("alt. Digital Currency Address - XBT 1Gq");
        assertThat(secondEye.getKind()).isEqualTo(TargetKind.ORGANIZATION);
    }

    @Test
    void banksKeepSwiftCodesCompanyNumbersAddressesAndEveryProgram() {
        Map<String, Target> targets = targets();
        Target havin = targets.get("SDN-906");

        assertThat(havin.getIdentifiers())
                .contains(
                        new Identifier("SWIFT_BIC", "HAVIGB2L", null),
                        new Identifier("COMPANY_NUMBER", "01074897", "GB"));
        assertThat(havin.getAddresses())
                .containsExactly(
                        new Address("4th Floor, 189 Marsh Wall, London E14 9SH", "GB"),
                        new Address(
                                "Edificio Atlantic, Oficina 4 H, Calle D No. 8 entre 1ra. y 3ra., Vedado, Plaza de la"
                                        + " Revolucion, Havana 10400",
                                "CU"));
        Action markazi = Imported.entries(excerpt()).stream()
                .filter(a -> a.getTarget().getId().equals("SDN-4632"))
                .findFirst()
                .orElseThrow();
        assertThat(markazi.getPrograms()).containsExactly("IRAN", "SDGT", "IRGC", "IFSR");
        assertThat(markazi.getMeasures()).containsExactly(new Measure(MeasureType.ASSET_FREEZE, null));
    }

    @Test
    void theSameFilesGiveTheSameIdAndAnotherDateAnother() {
        String first = excerpt().header().getAnnouncementId();
        String again = excerpt().header().getAnnouncementId();
        String later = Imported.prepared(
                        new OfacCsvFormat(),
                        new ListImport.Options(Optional.empty(), Optional.of(PUBLISHED.plusSeconds(86_400)), 0.25),
                        DIRECTORY)
                .header()
                .getAnnouncementId();

        assertThat(again).isEqualTo(first);
        assertThat(first).startsWith("ofac-csv-sdn-2021-06-01-");
        assertThat(later).startsWith("ofac-csv-sdn-2021-06-02-").endsWith(first.substring(first.length() - 16));
        assertThat(List.of(first, later)).doesNotHaveDuplicates();
    }

    @Test
    void sdnCommentsContinueACutRemark(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        for (String name : List.of("sdn.csv", "add.csv", "alt.csv")) {
            java.nio.file.Files.copy(DIRECTORY.resolve(name), dir.resolve(name));
        }
        java.nio.file.Files.writeString(
                dir.resolve("sdn_comments.csv"), "30518,\"wsz8sLQfkZbkMVCd5Jr9n8Q7e; Website example.org.\"\r\n\u001a");

        Target secondEye = Imported.targets(Imported.entries(Imported.prepared(
                        new OfacCsvFormat(),
                        new ListImport.Options(Optional.empty(), Optional.of(PUBLISHED), 0.25),
                        dir)))
                .get("SDN-30518");

        assertThat(secondEye.getIdentifiers())
                .contains(
                        new Identifier("DIGITAL_CURRENCY_ADDRESS_XBT", "1Gqwsz8sLQfkZbkMVCd5Jr9n8Q7e", null),
                        new Identifier("WEBSITE", "example.org", null));
        // Every segment found its field: nothing is left for the remarks.
        assertThat(secondEye.getRemarks()).isNull();
    }
}
