package dev.sanctions.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JurisdictionsTest {
    @Test
    void countryCodesEuAndUnAreJurisdictions() {
        assertThat(Jurisdictions.problem("JP")).isEmpty();
        assertThat(Jurisdictions.problem("GB")).isEmpty();
        assertThat(Jurisdictions.problem("EU")).isEmpty();
        assertThat(Jurisdictions.problem("UN")).isEmpty();
    }

    @Test
    void commonMistakesNameTheRightCode() {
        assertThat(Jurisdictions.problem("UK"))
                .hasValue("'UK' is not an ISO 3166-1 code: the United Kingdom's code is GB");
        assertThat(Jurisdictions.problem("EL"))
                .hasValueSatisfying(p -> assertThat(p).contains("GR"));
    }

    @Test
    void anythingElseIsRefusedWithWhatToWrite() {
        assertThat(Jurisdictions.problem("JAPAN"))
                .hasValueSatisfying(p -> assertThat(p)
                        .startsWith("'JAPAN' is not a jurisdiction")
                        .contains("ISO 3166-1 alpha-2"));
        assertThat(Jurisdictions.problem("XX")).isPresent();
    }
}
