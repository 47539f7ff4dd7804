package dev.sanctions.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class KeyedLanesTest {

    private static ConsumerRecord<String, byte[]> record(String key, long offset) {
        return new ConsumerRecord<>("announcements", 0, offset, key, new byte[0]);
    }

    @Test
    void everyRecordOfAKeyGoesToOneLaneInTheOrderRead() {
        Map<Integer, List<ConsumerRecord<String, byte[]>>> seen = new ConcurrentHashMap<>();
        List<ConsumerRecord<String, byte[]>> sent = new ArrayList<>();
        try (KeyedLanes lanes = new KeyedLanes(
                3,
                lane -> (record, partitions) -> seen.computeIfAbsent(
                                lane, l -> Collections.synchronizedList(new ArrayList<>()))
                        .add(record),
                "test-lane")) {
            for (int offset = 0; offset < 5_000; offset++) {
                ConsumerRecord<String, byte[]> record = record("authority-" + (offset * 7 % 10), offset);
                sent.add(record);
                lanes.accept(record, 1);
            }
            lanes.finish();
        }

        assertThat(seen.values().stream().mapToInt(List::size).sum()).isEqualTo(sent.size());
        assertThat(seen).hasSize(3);
        Set<String> keysSeen = new HashSet<>();
        for (List<ConsumerRecord<String, byte[]>> lane : seen.values()) {
            Set<String> keys = new HashSet<>();
            lane.forEach(record -> keys.add(record.key()));
            assertThat(Collections.disjoint(keys, keysSeen))
                    .as("a key in two lanes")
                    .isTrue();
            keysSeen.addAll(keys);
            for (String key : keys) {
                List<Long> offsets = lane.stream()
                        .filter(record -> record.key().equals(key))
                        .map(ConsumerRecord::offset)
                        .toList();
                List<Long> expected = sent.stream()
                        .filter(record -> record.key().equals(key))
                        .map(ConsumerRecord::offset)
                        .toList();
                assertThat(offsets).as(key).isEqualTo(expected);
            }
        }
    }

    @Test
    void aLanesErrorStopsTheReading() {
        IllegalStateException broken = new IllegalStateException("registry gone");
        try (KeyedLanes lanes = new KeyedLanes(
                2,
                lane -> (record, partitions) -> {
                    throw broken;
                },
                "test-lane")) {
            assertThatThrownBy(() -> {
                        for (int offset = 0; offset < 100_000; offset++) {
                            lanes.accept(record("authority-" + offset % 4, offset), 1);
                        }
                        lanes.finish();
                    })
                    .isSameAs(broken);
        }
    }
}
