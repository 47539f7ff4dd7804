package dev.sanctions.importers.unxml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.Address;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.Identifier;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import dev.sanctions.importers.Imported;
import dev.sanctions.importers.PreparedSnapshot;
import dev.sanctions.importers.PublishedAtSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnXmlFormatTest {
    private static final Path EXCERPT = Imported.FORMATS.resolve("un-consolidated.xml");

    @Test
    void theExcerptIsOneSnapshotOfTheConsolidatedListAtItsOwnDate() {
        PreparedSnapshot snapshot = Imported.prepared(new UnXmlFormat(), EXCERPT);
        Announcement header = snapshot.header();

        assertThat(header.getAuthority()).isEqualTo("UN-SC");
        assertThat(header.getJurisdiction()).isEqualTo("UN");
        assertThat(header.getList()).isEqualTo("CONSOLIDATED");
        assertThat(header.getSnapshot().getList()).isEqualTo("CONSOLIDATED");
        assertThat(header.getSnapshot().getMaxDelistFraction()).isEqualTo(0.25);
        assertThat(header.getPublishedAt()).isEqualTo(Instant.parse("2026-02-27T00:00:09.554Z"));
        assertThat(snapshot.publishedAtSource()).isEqualTo(PublishedAtSource.FILE);
        assertThat(header.getAnnouncementId()).matches("un-xml-consolidated-2026-02-27-[0-9a-f]{16}");
        assertThat(snapshot.entryCount()).isEqualTo(7);
        assertThat(snapshot.kinds()).isEqualTo(Map.of(TargetKind.PERSON, 4, TargetKind.ORGANIZATION, 3));
    }

    @Test
    void anIndividualKeepsEveryNamePartAliasDatePlaceAndNationality() {
        List<Action> entries = Imported.entries(Imported.prepared(new UnXmlFormat(), EXCERPT));
        Action action = entries.get(0);
        Target t = action.getTarget();

        assertThat(t.getId()).isEqualTo("QDi.314");
        assertThat(t.getKind()).isEqualTo(TargetKind.PERSON);
        assertThat(t.getName()).isEqualTo("ABDERRAHMANE OULD EL AMAR");
        assertThat(t.getAliases())
                .containsExactly(
                        "عبد الرحمن ولد العامر",
                        "Ahmed el Tilemsi",
                        "Abderrahmane Ould el Amar Ould Sidahmed Loukbeiti",
                        "Ahmad Ould Amar");
        assertThat(t.getBirthDates()).containsExactly("1977/1982");
        assertThat(t.getBirthPlaces()).containsExactly("Tabankort, Mali");
        assertThat(t.getNationalities()).containsExactly("ML");
        assertThat(t.getListedOn()).isEqualTo("2013-02-22");
        assertThat(t.getAddresses()).contains(new Address("Gao", "ML"), new Address("Al Moustarat", "ML"));
        assertThat(t.getRemarks()).startsWith("Reportedly deceased as of December 2014. Leader of the Mouvement");
        assertThat(action.getPrograms()).containsExactly("Al-Qaida");
        assertThat(action.getMeasures())
                .containsExactly(
                        new Measure(MeasureType.ASSET_FREEZE, null),
                        new Measure(MeasureType.TRAVEL_BAN, null),
                        new Measure(MeasureType.ARMS_EMBARGO, null));
    }

    @Test
    void anApproximateRangeKeepsTheRangeAndSaysApproximately() {
        Map<String, Target> targets = Imported.targets(Imported.entries(Imported.prepared(new UnXmlFormat(), EXCERPT)));
        Target haqqani = targets.get("TAi.144");

        assertThat(haqqani.getName()).isEqualTo("SIRAJUDDIN JALLALOUDINE HAQQANI");
        assertThat(haqqani.getBirthDates()).containsExactly("1977/1978");
        assertThat(haqqani.getRemarks()).contains("Date of birth 1977/1978: Approximately");
        assertThat(haqqani.getPosition()).isEqualTo("Na'ib Amir (Deputy Commander)");
        assertThat(haqqani.getBirthPlaces())
                .containsExactly(
                        "Danda, Miramshah, North Waziristan, Pakistan",
                        "Khost province, Afghanistan",
                        "Neka district, Paktika province, Afghanistan",
                        "Srana village, Garda Saray district, Paktia province, Afghanistan");
        assertThat(targets.get("TAi.150").getBirthDates()).containsExactly("1966-01-01", "1958/1964");
        assertThat(targets.get("QDe.118").getKind()).isEqualTo(TargetKind.ORGANIZATION);
    }

    @Test
    void approximateYearsAreCircaAndUnknownCountriesStayInTheRemarks(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("un.xml");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <CONSOLIDATED_LIST dateGenerated="2026-01-05T00:00:00Z">
                <INDIVIDUALS><INDIVIDUAL>
                  <FIRST_NAME>A</FIRST_NAME><SECOND_NAME>B</SECOND_NAME><THIRD_NAME>C</THIRD_NAME><FOURTH_NAME>D</FOURTH_NAME>
                  <UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPi.001</REFERENCE_NUMBER><LISTED_ON>2016-03-02</LISTED_ON>
                  <NATIONALITY><VALUE>Democratic People's Republic of Korea</VALUE><VALUE>Soviet Union</VALUE></NATIONALITY>
                  <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>APPROXIMATELY</TYPE_OF_DATE><YEAR>1960</YEAR></INDIVIDUAL_DATE_OF_BIRTH>
                  <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1961-05-01</DATE></INDIVIDUAL_DATE_OF_BIRTH>
                  <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER>PD123</NUMBER>
                    <ISSUING_COUNTRY>Democratic People's Republic of Korea</ISSUING_COUNTRY><DATE_OF_ISSUE>2011-06-02</DATE_OF_ISSUE></INDIVIDUAL_DOCUMENT>
                  <GENDER>Male</GENDER>
                  <SOMETHING_NEW>kept</SOMETHING_NEW>
                </INDIVIDUAL></INDIVIDUALS><ENTITIES/>
                </CONSOLIDATED_LIST>
                """);
        Target t = Imported.entries(Imported.prepared(new UnXmlFormat(), file))
                .get(0)
                .getTarget();

        assertThat(t.getName()).isEqualTo("A B C D");
        assertThat(t.getBirthDates()).containsExactly("circa 1960", "1961-05-01");
        assertThat(t.getNationalities()).containsExactly("KP");
        assertThat(t.getIdentifiers()).containsExactly(new Identifier("PASSPORT", "PD123", "KP"));
        assertThat(t.getRemarks())
                .contains("Nationality: Soviet Union")
                .contains("Passport PD123: issued 2011-06-02")
                .contains("Gender: Male")
                .contains("SOMETHING_NEW: kept");
    }
}
