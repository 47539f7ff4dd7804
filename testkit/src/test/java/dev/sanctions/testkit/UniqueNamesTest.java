package dev.sanctions.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UniqueNamesTest {
    @Test
    void namesAreDistinctAndLegalAsTopicNames() {
        List<String> names = IntStream.range(0, 1_000)
                .mapToObj(i -> UniqueNames.of("sanctions.changes"))
                .toList();

        assertThat(names)
                .doesNotHaveDuplicates()
                .allSatisfy(name ->
                        assertThat(name).startsWith("sanctions.changes-").matches("[A-Za-z0-9._-]{1,249}"));
    }
}
