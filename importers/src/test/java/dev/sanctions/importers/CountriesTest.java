package dev.sanctions.importers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CountriesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Russian Federation|RU",
                "Russia|RU",
                "RUSSIAN FEDERATION|RU",
                "Iran (Islamic Republic of)|IR",
                "Iran|IR",
                "Korea, North|KP",
                "Democratic People's Republic of Korea|KP",
                "Democratic People’s Republic of Korea|KP",
                "Korea, South|KR",
                "Syrian Arab Republic|SY",
                "Viet Nam|VN",
                "United Kingdom of Great Britain and Northern Ireland|GB",
                "United Kingdom|GB",
                "Bosnia-Herzegovina|BA",
                "Burma|MM",
                "Congo, Democratic Republic of the|CD",
                "Cote d'Ivoire|CI",
                "Côte d’Ivoire|CI",
                "The Bahamas|BS",
                "Saint Kitts & Nevis|KN",
                "United Arab Emirates|AE",
                "Hong Kong|HK",
                "Mali|ML"
            })
    void listNamesMapToIsoCodes(String name, String code) {
        assertThat(Countries.code(name)).contains(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Soviet Union", "None Identified", "Region: Gaza", ""})
    void namesNoCodeStandsForMapToNothing(String name) {
        assertThat(Countries.code(name)).isEqualTo(Optional.empty());
    }
}
