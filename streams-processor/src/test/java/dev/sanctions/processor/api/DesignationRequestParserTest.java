package dev.sanctions.processor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sanctions.avro.DesignationStatus;
import dev.sanctions.http.RequestRefused;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DesignationRequestParserTest {

    private static final String KEY = "JP-MOFA/RU-P-0425";

    @Test
    void theKeyIsReadUrlEncodedOrWithItsOneSlashAsIs() {
        assertThat(parse("/designations/JP-MOFA%2FRU-P-0425", null))
                .isEqualTo(new DesignationRequest.Current(KEY, null));
        assertThat(parse("/designations/JP-MOFA%2fRU-P-0425", null))
                .isEqualTo(new DesignationRequest.Current(KEY, null));
        assertThat(parse("/designations/JP-MOFA/RU-P-0425", null)).isEqualTo(new DesignationRequest.Current(KEY, null));
    }

    @Test
    void historyIsAskedInEitherFormAndATargetNamedHistoryIsStillAKey() {
        assertThat(parse("/designations/JP-MOFA%2FRU-P-0425/history", null))
                .isEqualTo(new DesignationRequest.History(KEY));
        assertThat(parse("/designations/JP-MOFA/RU-P-0425/history", null))
                .isEqualTo(new DesignationRequest.History(KEY));
        assertThat(parse("/designations/JP-MOFA/history", null))
                .isEqualTo(new DesignationRequest.Current("JP-MOFA/history", null));
        assertThat(parse("/designations/JP-MOFA%2Fhistory/history", null))
                .isEqualTo(new DesignationRequest.History("JP-MOFA/history"));
    }

    @Test
    void asOfAcceptsAnInstantWithZOrAnOffsetTypedWithOrWithoutEncodingThePlus() {
        Instant expected = Instant.parse("2022-04-08T01:00:00Z");
        assertThat(parse("/designations/JP-MOFA%2FRU-P-0425", "asOf=2022-04-08T01:00:00Z"))
                .isEqualTo(new DesignationRequest.Current(KEY, expected));
        assertThat(parse("/designations/JP-MOFA%2FRU-P-0425", "asOf=2022-04-08T10:00:00+09:00"))
                .isEqualTo(new DesignationRequest.Current(KEY, expected));
        assertThat(parse("/designations/JP-MOFA%2FRU-P-0425", "asOf=2022-04-08T10:00:00%2B09:00"))
                .isEqualTo(new DesignationRequest.Current(KEY, expected));
    }

    @Test
    void asOfTakesABareDateAsTheCommandLineDoesMeaningItsLastMillisecondInUtc() {
        assertThat(parse("/designations/JP-MOFA%2FRU-P-0425", "asOf=2022-03-10"))
                .isEqualTo(new DesignationRequest.Current(KEY, Instant.parse("2022-03-10T23:59:59.999Z")));
    }

    @Test
    void theListTakesOptionalFiltersInAnyCase() {
        assertThat(parse("/designations", null)).isEqualTo(new DesignationRequest.Listing(null, null));
        assertThat(parse("/designations/", "jurisdiction=jp&status=delisted"))
                .isEqualTo(new DesignationRequest.Listing("JP", DesignationStatus.DELISTED));
        assertThat(new DesignationRequest.Listing("JP", DesignationStatus.ACTIVE).query())
                .isEqualTo("?jurisdiction=JP&status=ACTIVE");
        assertThat(new DesignationRequest.Listing(null, null).query()).isEmpty();
    }

    @Test
    void theListTakesAPageSizeAndTheKeyToContinueAfter() {
        assertThat(parse("/designations", "limit=50&after=JP-MOFA%2FRU-P-0425&status=ACTIVE"))
                .isEqualTo(new DesignationRequest.Listing(null, DesignationStatus.ACTIVE, 50, KEY));
        assertThat(new DesignationRequest.Listing("JP", null)
                        .page(2, "JP-MOFA/a b")
                        .query())
                .isEqualTo("?jurisdiction=JP&limit=2&after=JP-MOFA%2Fa%20b");
        assertRefused("/designations", "limit=0", 400, "limit: '0' is not a page size; write 1 to 1000");
        assertRefused("/designations", "limit=1001", 400, "write 1 to 1000");
        assertRefused("/designations", "limit=ten", 400, "write 1 to 1000");
    }

    @Test
    void badInputIsRefusedWith400AndSaysWhatToWrite() {
        assertRefused("/designations/JP-MOFA%2FX", "asOf=yesterday", 400, "asOf: 'yesterday' is not an instant");
        assertRefused("/designations/JP-MOFA%2FRU-P-0425", "asOf=2022-04-31", 400, "2022-04-08T01:00:00Z");
        assertRefused("/designations", "status=ACTIV", 400, "write ACTIVE or DELISTED");
        assertRefused("/designations", "status=UNKNOWN", 400, "write ACTIVE or DELISTED");
        assertRefused("/designations", "jurisdiction=JPN", 400, "is not a jurisdiction");
        assertRefused("/designations/RU-P-0425", null, 400, "write AUTHORITY/TARGET_ID");
        assertRefused("/designations/JP-MOFA%2F", null, 400, "write AUTHORITY/TARGET_ID");
        assertRefused("/designations/A/B/C", null, 400, "write AUTHORITY/TARGET_ID");
        assertRefused("/designations/JP-MOFA%2FX", "as_of=2022-04-08T01:00:00Z", 400, "unknown parameter 'as_of'");
        assertRefused("/designations/JP-MOFA%2FX/history", "asOf=2022-04-08T01:00:00Z", 400, "takes none");
        assertRefused("/designations", "status=ACTIVE&status=DELISTED", 400, "given twice");
        assertRefused("/designations", "status=", 400, "needs a value");
        assertRefused("/designations/JP-MOFA%ZZX", null, 400, "malformed percent escape");
    }

    @Test
    void pathsOutsideTheApiAre404() {
        assertRefused("/designationsX", null, 404, "not found");
    }

    private static DesignationRequest parse(String rawPath, String rawQuery) {
        return DesignationRequestParser.parse(rawPath, rawQuery);
    }

    private static void assertRefused(String rawPath, String rawQuery, int status, String message) {
        assertThatThrownBy(() -> parse(rawPath, rawQuery))
                .isInstanceOfSatisfying(
                        RequestRefused.class, e -> assertThat(e.status()).isEqualTo(status))
                .hasMessageContaining(message);
    }
}
