package dev.sanctions.core;

import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.Target;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;

/**
 * The {@code changedFields} of a notification (docs/events.md): what differs among status, measures, programs, list,
 * target; a target's lists by content, not order ({@link TargetContent}).
 */
public final class ChangedFields {
    private ChangedFields() {}

    /** Sorted names of the fields that differ; empty when nothing does. */
    public static List<String> between(DesignationState before, DesignationState after) {
        List<String> names = new ArrayList<>();
        if (before.getStatus() != after.getStatus()) {
            names.add("status");
        }
        if (!Objects.equals(before.getMeasures(), after.getMeasures())) {
            names.add("measures");
        }
        if (!Objects.equals(before.getPrograms(), after.getPrograms())) {
            names.add("programs");
        }
        if (!Objects.equals(before.getList(), after.getList())) {
            names.add("list");
        }
        Target b = before.getTarget();
        Target a = after.getTarget();
        for (Schema.Field field : Target.getClassSchema().getFields()) {
            if (!TargetContent.sameField(b, a, field)) {
                names.add("target." + field.name());
            }
        }
        Collections.sort(names);
        return names;
    }
}
