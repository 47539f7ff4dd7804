package dev.sanctions.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownFieldsTest {

    private static final List<String> FIELDS = List.of("id", "kind", "name", "birthDates");

    @Test
    void guessesATypoAndListsTheAllowedFields() {
        assertThat(UnknownFields.message("nmae", FIELDS))
                .isEqualTo("unknown field 'nmae', did you mean 'name'? (allowed: id, kind, name, birthDates)");
        assertThat(UnknownFields.message("birthdate", FIELDS)).contains("did you mean 'birthDates'?");
    }

    @Test
    void doesNotGuessForShortOrDistantNames() {
        assertThat(UnknownFields.message("x", FIELDS))
                .isEqualTo("unknown field 'x' (allowed: id, kind, name, birthDates)");
        assertThat(UnknownFields.message("country", FIELDS)).doesNotContain("did you mean");
    }
}
