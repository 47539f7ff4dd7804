package dev.sanctions.core;

import java.util.Map;
import java.util.Optional;

/**
 * What a jurisdiction code may be (docs/announcement-format.md): an ISO 3166-1 alpha-2 code, {@code EU} or
 * {@code UN}. The one rule for files and for every option that names a jurisdiction, so that a subscriber asking
 * for {@code UK} hears that the code is {@code GB} instead of waiting on a topic that will never exist.
 */
public final class Jurisdictions {
    /** Codes people write for a country whose ISO 3166-1 code is another. */
    private static final Map<String, String> COMMON_MISTAKES = Map.of(
            "UK", "the United Kingdom's code is GB",
            "EL", "Greece's code is GR");

    private Jurisdictions() {}

    /** What is wrong with {@code code} (upper case expected); empty when it is a jurisdiction. */
    public static Optional<String> problem(String code) {
        if (Formats.isJurisdiction(code)) {
            return Optional.empty();
        }
        String hint = COMMON_MISTAKES.get(code);
        if (hint != null) {
            return Optional.of("'" + code + "' is not an ISO 3166-1 code: " + hint);
        }
        return Optional.of("'" + code + "' is not a jurisdiction: write an ISO 3166-1 alpha-2 code, EU or UN, "
                + "e.g. JP, US, GB");
    }
}
