package dev.sanctions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PercentEncodingTest {

    @Test
    void escapesAreDecodedAndEverythingElseIsKeptAsIs() {
        assertThat(PercentEncoding.decode("JP-MOFA")).isEqualTo("JP-MOFA");
        assertThat(PercentEncoding.decode("")).isEmpty();
        assertThat(PercentEncoding.decode("JP-MOFA%2FRU-P-0425")).isEqualTo("JP-MOFA/RU-P-0425");
        assertThat(PercentEncoding.decode("odd%2fsubject%20name")).isEqualTo("odd/subject name");
        assertThat(PercentEncoding.decode("%41%42c")).isEqualTo("ABc");
    }

    @Test
    void aPlusIsAPlusNotASpace() {
        assertThat(PercentEncoding.decode("2022-04-08T10:00:00+09:00")).isEqualTo("2022-04-08T10:00:00+09:00");
        assertThat(PercentEncoding.decode("name+1%2B2")).isEqualTo("name+1+2");
    }

    @Test
    void aRunOfEscapesIsDecodedAsUtf8() {
        assertThat(PercentEncoding.decode("%E3%81%82%E3%81%84")).isEqualTo("あい");
        assertThat(PercentEncoding.decode("caf%C3%A9%20%F0%9F%98%80")).isEqualTo("café 😀");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "%",
                "abc%",
                "%4",
                "a%4",
                "%zz",
                "%G1",
                "%+1",
                "%-1",
                "%%41",
                "%１２", // full-width digits: digits, but not hex digits of a URL
                "%FF",
                "%C3",
                "%E3%81",
                "%C0%AF",
                "%ED%A0%80" // not UTF-8: a stray, truncated, overlong or surrogate byte
            })
    void aMalformedEscapeIsRefusedWith400(String raw) {
        assertThatThrownBy(() -> PercentEncoding.decode(raw))
                .isInstanceOfSatisfying(
                        RequestRefused.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("malformed percent escape in '" + raw + "'");
    }

    @Test
    void encodingEscapesAllButUnreservedCharactersAndNeverWritesAPlus() {
        assertThat(PercentEncoding.encode("JP-MOFA/RU-P-0425")).isEqualTo("JP-MOFA%2FRU-P-0425");
        assertThat(PercentEncoding.encode("IVAN PETROV+1")).isEqualTo("IVAN%20PETROV%2B1");
        assertThat(PercentEncoding.encode("a-b.c_d~e")).isEqualTo("a-b.c_d~e");
        assertThat(PercentEncoding.encode("é")).isEqualTo("%C3%A9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"JP-MOFA/RU-P-0425", "IVAN PETROV", "a+b", "100%", "?&=#", "あい😀", ""})
    void decodingUndoesEncoding(String text) {
        assertThat(PercentEncoding.decode(PercentEncoding.encode(text))).isEqualTo(text);
    }
}
