package dev.sanctions.core;

import dev.sanctions.avro.AnnouncedAction;
import dev.sanctions.avro.Target;
import java.util.Objects;
import java.util.Optional;

/** The key of a designation: {@code AUTHORITY/TARGET_ID}, e.g. {@code JP-MOFA/RU-P-0425}. */
public final class DesignationKeys {
    private DesignationKeys() {}

    /**
     * @throws IllegalArgumentException if the target id contains '/', which would make the key ambiguous
     */
    public static String of(String authority, String targetId) {
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(targetId, "targetId");
        if (targetId.indexOf('/') >= 0) {
            throw new IllegalArgumentException("target id must not contain '/': " + targetId);
        }
        return authority + "/" + targetId;
    }

    /**
     * The key the action addresses, or empty when its target id breaks the rules (such an action is rejected as
     * INVALID_ACTION without a key).
     */
    public static Optional<String> forAction(AnnouncedAction announced) {
        Target target =
                announced.getAction() == null ? null : announced.getAction().getTarget();
        if (target == null || announced.getAuthority() == null || !AnnouncementRules.isValidTargetId(target.getId())) {
            return Optional.empty();
        }
        return Optional.of(of(announced.getAuthority(), target.getId()));
    }
}
