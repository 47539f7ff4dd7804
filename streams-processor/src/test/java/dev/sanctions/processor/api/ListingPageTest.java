package dev.sanctions.processor.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Pages merged from several sources, followed from the first to the last, give every state exactly once. */
class ListingPageTest {

    @Property(tries = 300)
    void followingThePagesReturnsEveryKeyOfEverySourceExactlyOnceInKeyOrder(
            @ForAll @Size(max = 60) Set<@StringLength(min = 1, max = 6) String> keys,
            @ForAll @IntRange(min = 1, max = 4) int sourceCount,
            @ForAll @IntRange(min = 1, max = 7) int pageSize) {
        List<TreeSet<String>> held = new ArrayList<>();
        for (int i = 0; i < sourceCount; i++) {
            held.add(new TreeSet<>(ListingPage.KEY_ORDER));
        }
        int spread = 0;
        for (String key : keys) {
            held.get(spread++ % sourceCount).add(key);
        }
        List<ListingPage.Source> sources =
                held.stream().map(ListingPageTest::source).toList();

        List<String> listed = new ArrayList<>();
        int pages = 0;
        ListingPage page = ListingPage.of(sources, null, pageSize);
        while (true) {
            pages++;
            assertThat(page.states()).hasSizeLessThanOrEqualTo(pageSize);
            listed.addAll(page.states());
            if (page.next() == null) {
                break;
            }
            assertThat(page.states()).hasSize(pageSize).last().isEqualTo(page.next());
            page = ListingPage.of(sources, page.next(), pageSize);
        }

        TreeSet<String> all = new TreeSet<>(ListingPage.KEY_ORDER);
        all.addAll(keys);
        assertThat(listed).containsExactlyElementsOf(all);
        assertThat(pages).isEqualTo(Math.max(1, (keys.size() + pageSize - 1) / pageSize));
    }

    /** A source as the stores are: keys in order, read after a key, as far as the limit. The state is its key. */
    private static ListingPage.Source source(TreeSet<String> keys) {
        return (after, limit) -> (after == null ? keys : keys.tailSet(after, false))
                .stream()
                        .limit(limit)
                        .map(key -> new ListingPage.Entry(key, key))
                        .toList();
    }
}
