package dev.sanctions.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.Announcement;
import dev.sanctions.core.AnnouncementRules;
import dev.sanctions.core.LogFold;
import dev.sanctions.core.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticLogTest {

    @Test
    void theSameSeedGivesTheSameLog() {
        List<Announcement> first = new SyntheticLog(42).announcements(2_000, () -> 1);
        List<Announcement> second = new SyntheticLog(42).announcements(2_000, () -> 1);
        List<Announcement> other = new SyntheticLog(43).announcements(2_000, () -> 1);

        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void everyActionIsValidAndChangesItsDesignation() {
        SyntheticLog log = new SyntheticLog(7);
        List<Announcement> announcements = log.announcements(5_000, log.sizesAround(25));
        LogFold independent = new LogFold();

        for (Announcement announcement : announcements) {
            assertThat(AnnouncementRules.check(announcement))
                    .as(announcement.getAnnouncementId())
                    .isEmpty();
            assertThat(independent.apply(announcement)).allMatch(outcome -> outcome instanceof Outcome.Changed);
        }
        assertThat(independent.states()).isEqualTo(log.expectedStates());
        assertThat(log.actions()).isEqualTo(5_000);
    }

    @Test
    void theMixHoldsEveryKindOfChangeOnSeveralAuthoritiesAndJurisdictions() {
        SyntheticLog log = new SyntheticLog(SyntheticLog.DEFAULT_SEED);
        List<Announcement> announcements = log.announcements(20_000, () -> 1);

        Map<SyntheticLog.Kind, Long> mix = log.mix();
        assertThat(mix.keySet()).containsExactlyInAnyOrder(SyntheticLog.Kind.values());
        assertThat(mix.values()).allMatch(count -> count > 100);
        assertThat(mix.get(SyntheticLog.Kind.DESIGNATION)).isGreaterThan(mix.get(SyntheticLog.Kind.AMENDMENT));
        Set<String> authorities =
                announcements.stream().map(Announcement::getAuthority).collect(Collectors.toSet());
        Set<String> jurisdictions =
                announcements.stream().map(Announcement::getJurisdiction).collect(Collectors.toSet());
        assertThat(authorities).hasSizeGreaterThanOrEqualTo(8);
        assertThat(jurisdictions).hasSizeGreaterThanOrEqualTo(6).containsAll(List.of("US", "EU", "JP", "GB"));
        assertThat(SyntheticLog.jurisdictions()).containsAll(jurisdictions);
    }

    @Test
    void namesAndFieldCountsLookReal() {
        List<Announcement> announcements = new SyntheticLog(11).announcements(5_000, () -> 1);
        List<Action> designations = announcements.stream()
                .map(a -> a.getActions().get(0))
                .filter(a -> a.getTarget().getName() != null && a.getMeasures() != null && a.getPrograms() != null)
                .toList();

        double meanNameLength = designations.stream()
                .mapToInt(a -> a.getTarget().getName().length())
                .average()
                .orElseThrow();
        assertThat(meanNameLength).isBetween(15.0, 50.0);
        assertThat(designations)
                .anyMatch(a -> a.getTarget().getAliases() != null
                        && a.getTarget().getAliases().stream()
                                .anyMatch(alias -> alias.chars().anyMatch(c -> c > 0x400)));
        assertThat(designations)
                .anyMatch(a -> a.getTarget().getIdentifiers() != null
                        && a.getTarget().getIdentifiers().size() >= 2);
        assertThat(designations).anyMatch(a -> a.getMeasures().size() >= 2);
    }

    @Test
    void realisticAnnouncementsAverageAboutTwentyFiveActions() {
        SyntheticLog log = new SyntheticLog(3);
        List<Announcement> announcements = log.announcements(25_000, log.sizesAround(25));

        double mean = 25_000.0 / announcements.size();
        assertThat(mean).isBetween(22.0, 28.0);
    }

    @Test
    void publicationTimesOnlyIncrease() {
        List<Announcement> announcements = new SyntheticLog(5).announcements(1_000, () -> 1);

        for (int i = 1; i < announcements.size(); i++) {
            assertThat(announcements.get(i).getPublishedAt())
                    .isAfter(announcements.get(i - 1).getPublishedAt());
        }
    }
}
