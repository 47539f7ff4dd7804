package dev.sanctions.importers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EncodedEntriesTest {

    @Test
    void theBudgetCountsWhatEachEntryCostsBesidesItsBytes() {
        EncodedEntries.Buffer entry = new EncodedEntries.Buffer();
        entry.write(new byte[100], 0, 100);

        EncodedEntries tight = new EncodedEntries(2 * 100);
        tight.add(entry);
        tight.add(entry);
        EncodedEntries room = new EncodedEntries(2 * (100 + EncodedEntries.ENTRY_OVERHEAD_BYTES));
        room.add(entry);
        room.add(entry);

        assertThat(tight.entries())
                .as("200 bytes of entries are more than 200 bytes of memory")
                .isEmpty();
        assertThat(room.entries()).hasValueSatisfying(kept -> assertThat(kept).hasSize(2));
        assertThat(tight.sizes()).containsExactly(100, 100);
    }
}
