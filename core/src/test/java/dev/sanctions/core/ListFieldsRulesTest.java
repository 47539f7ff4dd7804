package dev.sanctions.core;

import static dev.sanctions.core.TestData.announcement;
import static dev.sanctions.core.TestData.designatePerson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of the target fields official lists bring: birthPlaces and listedOn. */
class ListFieldsRulesTest {

    private static List<Violation> check(Target.Builder target) {
        Action base = designatePerson("RU-P-1", "N").build();
        Action action = Action.newBuilder(base).setTarget(target.build()).build();
        return AnnouncementRules.check(
                announcement("a1").actions(List.of(action)).build());
    }

    private static Target.Builder target() {
        return Target.newBuilder(designatePerson("RU-P-1", "N").build().getTarget());
    }

    @Test
    void listedOnIsAnIsoDate() {
        assertThat(check(target().setListedOn("2013-02-22"))).isEmpty();
        assertThat(check(target().setListedOn("22 Feb 2013")))
                .containsExactly(
                        new Violation("actions[0].target.listedOn", "must be a date (2022-04-08), got '22 Feb 2013'"));
        assertThat(check(target().setListedOn("2013-02-22T00:00:00Z")))
                .extracting(Violation::path)
                .containsExactly("actions[0].target.listedOn");
    }

    @Test
    void birthPlacesAreNotBlankAndStayWithinTheirLimit() {
        assertThat(check(target().setBirthPlaces(List.of("Tabankort, Mali")))).isEmpty();
        assertThat(check(target().setBirthPlaces(List.of(" "))))
                .containsExactly(new Violation("actions[0].target.birthPlaces[0]", "must not be blank"));
        List<String> tooLong = java.util.Collections.nCopies(11, "x".repeat(SizeLimits.MAX_TEXT));
        assertThat(check(target().setBirthPlaces(tooLong)))
                .containsExactly(
                        new Violation("actions[0].target.birthPlaces", "at most 10,000 characters in all, got 11,000"));
    }
}
