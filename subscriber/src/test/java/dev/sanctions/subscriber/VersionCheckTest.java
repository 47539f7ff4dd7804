package dev.sanctions.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionCheckTest {

    @Test
    void midStreamTheFirstVersionSeenOfAKeyIsTakenAsItIs() {
        VersionCheck check = VersionCheck.midStream();
        assertThat(check.accept("JP-MOFA/A", 7)).isEqualTo(VersionCheck.Verdict.DELIVER);
        assertThat(check.accept("JP-MOFA/A", 8)).isEqualTo(VersionCheck.Verdict.DELIVER);
    }

    @Test
    void aVersionAtOrBelowTheLastIsARedelivery() {
        VersionCheck check = VersionCheck.midStream();
        check.accept("JP-MOFA/A", 1);
        check.accept("JP-MOFA/A", 2);
        assertThat(check.accept("JP-MOFA/A", 2)).isEqualTo(VersionCheck.Verdict.DUPLICATE);
        assertThat(check.accept("JP-MOFA/A", 1)).isEqualTo(VersionCheck.Verdict.DUPLICATE);
        assertThat(check.accept("JP-MOFA/A", 3)).isEqualTo(VersionCheck.Verdict.DELIVER);
    }

    @Test
    void aVersionBeyondTheNextIsAGapNamingTheExpectedOne() {
        VersionCheck check = VersionCheck.midStream();
        check.accept("JP-MOFA/A", 1);
        VersionCheck.Verdict verdict = check.accept("JP-MOFA/A", 4);
        assertThat(verdict.kind()).isEqualTo(VersionCheck.Kind.GAP);
        assertThat(verdict.expected()).isEqualTo(2);
        assertThat(check.accept("JP-MOFA/A", 5)).isEqualTo(VersionCheck.Verdict.DELIVER);
        assertThat(check.accept("JP-MOFA/A", 3)).isEqualTo(VersionCheck.Verdict.DUPLICATE);
    }

    @Test
    void keysAreIndependent() {
        VersionCheck check = VersionCheck.midStream();
        check.accept("JP-MOFA/A", 3);
        assertThat(check.accept("JP-MOFA/B", 1)).isEqualTo(VersionCheck.Verdict.DELIVER);
        assertThat(check.accept("JP-MOFA/A", 4)).isEqualTo(VersionCheck.Verdict.DELIVER);
    }

    @Test
    void afterASnapshotItsVersionsAreDuplicatesAndTheNextOneFollowsOn() {
        VersionCheck check = VersionCheck.afterSnapshot(Map.of("JP-MOFA/A", 3L));
        assertThat(check.accept("JP-MOFA/A", 2)).isEqualTo(VersionCheck.Verdict.DUPLICATE);
        assertThat(check.accept("JP-MOFA/A", 3)).isEqualTo(VersionCheck.Verdict.DUPLICATE);
        assertThat(check.accept("JP-MOFA/A", 4)).isEqualTo(VersionCheck.Verdict.DELIVER);
    }

    @Test
    void afterASnapshotAnUnknownKeyMustStartAtVersionOne() {
        VersionCheck check = VersionCheck.afterSnapshot(Map.of());
        assertThat(check.accept("JP-MOFA/NEW", 1)).isEqualTo(VersionCheck.Verdict.DELIVER);
        VersionCheck.Verdict late = check.accept("JP-MOFA/OTHER", 3);
        assertThat(late.kind()).isEqualTo(VersionCheck.Kind.GAP);
        assertThat(late.expected()).isEqualTo(1);
    }
}
