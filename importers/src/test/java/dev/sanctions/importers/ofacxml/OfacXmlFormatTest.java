package dev.sanctions.importers.ofacxml;

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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfacXmlFormatTest {
    private static final Path EXCERPT = Imported.FORMATS.resolve("CONSOLIDATED.XML");

    @Test
    void theListComesFromTheFileNameAndTheDateFromPublishDate() {
        PreparedSnapshot snapshot = Imported.prepared(new OfacXmlFormat(), EXCERPT);

        assertThat(snapshot.header().getList()).isEqualTo("CONSOLIDATED");
        assertThat(snapshot.header().getPublishedAt()).isEqualTo(Instant.parse("2018-04-06T00:00:00Z"));
        assertThat(snapshot.publishedAtSource()).isEqualTo(PublishedAtSource.FILE);
        assertThat(snapshot.header().getAnnouncementId()).startsWith("ofac-xml-consolidated-2018-04-06-");
        assertThat(snapshot.entryCount()).isEqualTo(5);
        assertThat(Imported.entries(snapshot))
                .extracting(a -> a.getTarget().getId())
                .allMatch(id -> id.startsWith("CONSOLIDATED-"))
                .contains("CONSOLIDATED-12032", "CONSOLIDATED-10576");
    }

    @Test
    void listOptionWinsOverTheFileName(@TempDir Path dir) throws IOException {
        Path renamed = Files.copy(EXCERPT, dir.resolve("download.xml"));

        PreparedSnapshot snapshot = Imported.prepared(
                new OfacXmlFormat(), new ListImport.Options(Optional.of("SDN"), Optional.empty(), 0.25), renamed);

        assertThat(snapshot.header().getList()).isEqualTo("SDN");
        assertThat(Imported.entries(snapshot).get(0).getTarget().getId()).isEqualTo("SDN-12032");
        assertThat(Imported.problems(new OfacXmlFormat(), renamed))
                .singleElement()
                .asString()
                .contains("download.xml:0: cannot tell the list from the file name")
                .contains("--list");
    }

    @Test
    void identifiersAliasesAddressesAndStatements() {
        List<Action> entries = Imported.entries(Imported.prepared(new OfacXmlFormat(), EXCERPT));
        Map<String, Target> targets = Imported.targets(entries);
        Target vtb = targets.values().stream()
                .filter(t -> t.getName().equals("VTB BANK OAO"))
                .findFirst()
                .orElseThrow();

        assertThat(vtb.getKind()).isEqualTo(TargetKind.ORGANIZATION);
        assertThat(vtb.getIdentifiers())
                .contains(
                        new Identifier("GOVERNMENT_GAZETTE_NUMBER", "00032520", "RU"),
                        new Identifier("TAX_ID", "7702070139", "RU"),
                        new Identifier("SWIFT_BIC", "VTBRRUMM", null),
                        new Identifier("WEBSITE", "www.vtb.com", null));
        assertThat(vtb.getRemarks()).contains("Executive Order 13662 Directive Determination - Subject to Directive 1");
        assertThat(vtb.getAliases()).contains("VNESHTORGBANK", "JSC VTB BANK");
        assertThat(vtb.getAddresses())
                .contains(new Address("29, Bolshaya Morskaya str., St. Petersburg, 190000", "RU"));
        Action vtbEntry = entries.stream()
                .filter(a -> a.getTarget().getName().equals("VTB BANK OAO"))
                .findFirst()
                .orElseThrow();
        assertThat(vtbEntry.getMeasures())
                .containsExactly(new Measure(MeasureType.SECTORAL_RESTRICTION, "UKRAINE-EO13662"));

        Target kalaNaft = targets.get("CONSOLIDATED-12032");
        assertThat(kalaNaft.getRemarks())
                .contains("all offices worldwide")
                .contains("Additional Sanctions Information - Not on the SDN List");
        assertThat(kalaNaft.getAddresses())
                .contains(new Address("333 7th Ave SW #1102, Calgary, AB, T2P 2Z1", "CA"))
                .contains(new Address("Chekhov St., 24.2, AP 57, Moscow", "RU"));
    }

    @Test
    void individualsKeepDatesPlacesNationalitiesAndVesselsTheirDetails(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("SDN.XML");
        Files.writeString(file, """
                <?xml version="1.0" standalone="yes"?>
                <sdnList xmlns="http://tempuri.org/sdnList.xsd">
                  <publshInformation><Publish_Date>12/31/2025</Publish_Date><Record_Count>2</Record_Count></publshInformation>
                  <sdnEntry><uid>36</uid><firstName>Ali</firstName><lastName>EXAMPLE</lastName><title>Minister</title>
                    <sdnType>Individual</sdnType><programList><program>SDGT</program></programList>
                    <idList><id><uid>1</uid><idType>Passport</idType><idNumber>A123</idNumber><idCountry>Iran</idCountry>
                      <expirationDate>01 Jan 2030</expirationDate></id></idList>
                    <akaList><aka><uid>2</uid><type>a.k.a.</type><category>weak</category><lastName>ALI</lastName></aka></akaList>
                    <nationalityList><nationality><uid>3</uid><country>Korea, North</country></nationality></nationalityList>
                    <citizenshipList><citizenship><uid>4</uid><country>Yugoslavia</country></citizenship></citizenshipList>
                    <dateOfBirthList><dateOfBirthItem><uid>5</uid><dateOfBirth>circa 1960</dateOfBirth></dateOfBirthItem>
                      <dateOfBirthItem><uid>6</uid><dateOfBirth>1958 to 1960</dateOfBirth></dateOfBirthItem>
                      <dateOfBirthItem><uid>7</uid><dateOfBirth>Feb 1962</dateOfBirth></dateOfBirthItem></dateOfBirthList>
                    <placeOfBirthList><placeOfBirthItem><uid>8</uid><placeOfBirth>Tehran, Iran</placeOfBirth></placeOfBirthItem></placeOfBirthList>
                  </sdnEntry>
                  <sdnEntry><uid>37</uid><lastName>EXAMPLE STAR</lastName><sdnType>Vessel</sdnType>
                    <vesselInfo><callSign>9HDQ9</callSign><vesselType>Tanker</vesselType><vesselFlag>Panama</vesselFlag></vesselInfo>
                  </sdnEntry>
                </sdnList>
                """);
        Map<String, Target> targets = Imported.targets(Imported.entries(Imported.prepared(new OfacXmlFormat(), file)));
        Target ali = targets.get("SDN-36");

        assertThat(ali.getName()).isEqualTo("EXAMPLE, Ali");
        assertThat(ali.getPosition()).isEqualTo("Minister");
        assertThat(ali.getBirthDates()).containsExactly("circa 1960", "1958/1960", "1962-02");
        assertThat(ali.getBirthPlaces()).containsExactly("Tehran, Iran");
        assertThat(ali.getNationalities()).containsExactly("KP");
        assertThat(ali.getIdentifiers()).containsExactly(new Identifier("PASSPORT", "A123", "IR"));
        assertThat(ali.getRemarks()).contains("Citizenship: Yugoslavia").contains("Passport A123: expires 01 Jan 2030");
        assertThat(ali.getAliases()).containsExactly("ALI");
        Target star = targets.get("SDN-37");
        assertThat(star.getKind()).isEqualTo(TargetKind.VESSEL);
        assertThat(star.getIdentifiers()).containsExactly(new Identifier("CALL_SIGN", "9HDQ9", null));
        assertThat(star.getNationalities()).containsExactly("PA");
    }
}
