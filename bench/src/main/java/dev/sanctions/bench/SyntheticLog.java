package dev.sanctions.bench;

import static dev.sanctions.bench.Vocabulary.pick;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.Address;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.Identifier;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import dev.sanctions.core.DesignationKeys;
import dev.sanctions.core.LogFold;
import dev.sanctions.core.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;

/**
 * A seeded generator of announcements that look like the real thing: ten authorities of several jurisdictions,
 * persons, organisations, vessels, aircraft and sectors with realistic field counts, and a mix of designations,
 * amendments, partial and full delistings and relistings on keys that exist. Every action it makes is valid and
 * changes its designation, so each yields exactly one notification; it checks this by folding everything it makes
 * with {@link LogFold}, the fold the processor runs, which also gives the expected final states.
 *
 * <p>The same seed gives the same announcements in the same order, and {@code publishedAt} only ever increases: no
 * wall clock reaches a topic.
 */
final class SyntheticLog {

    static final long DEFAULT_SEED = 20_220_224L;

    /** The kinds of action in the mix, with their share of the actions where the keys allow them. */
    enum Kind {
        DESIGNATION,
        AMENDMENT,
        PARTIAL_DELISTING,
        DELISTING,
        RELISTING
    }

    private record Authority(
            String code,
            String jurisdiction,
            String legalBasis,
            String sourceUrl,
            String program,
            String nationality,
            int weight) {}

    private static final List<Authority> AUTHORITIES = List.of(
            new Authority(
                    "US-OFAC",
                    "US",
                    "Executive Order 14024",
                    "https://ofac.treasury.gov/recent-actions/",
                    "RUSSIA-EO14024",
                    "RU",
                    24),
            new Authority(
                    "EU-COUNCIL",
                    "EU",
                    "Council Regulation (EU) No 269/2014",
                    "https://eur-lex.europa.eu/eli/reg_impl/2022/",
                    "RUSSIA-UKRAINE",
                    "RU",
                    18),
            new Authority(
                    "UK-FCDO",
                    "GB",
                    "The Russia (Sanctions) (EU Exit) Regulations 2019",
                    "https://www.gov.uk/government/publications/financial-sanctions-russia",
                    "RUSSIA",
                    "RU",
                    14),
            new Authority(
                    "JP-MOFA",
                    "JP",
                    "Foreign Exchange and Foreign Trade Act",
                    "https://www.mofa.go.jp/press/release/",
                    "RUSSIA-UKRAINE",
                    "RU",
                    10),
            new Authority(
                    "JP-METI",
                    "JP",
                    "Foreign Exchange and Foreign Trade Act",
                    "https://www.meti.go.jp/press/",
                    "RUSSIA-EXPORTS",
                    "RU",
                    5),
            new Authority(
                    "CH-SECO",
                    "CH",
                    "Ordinance of 4 March 2022 on measures in connection with the situation" + " in Ukraine",
                    "https://www.seco.admin.ch/sanctions/",
                    "RUSSIA-UKRAINE",
                    "RU",
                    8),
            new Authority(
                    "CA-GAC",
                    "CA",
                    "Special Economic Measures (Russia) Regulations",
                    "https://www.international.gc.ca/sanctions/",
                    "RUSSIA",
                    "RU",
                    7),
            new Authority(
                    "AU-DFAT",
                    "AU",
                    "Autonomous Sanctions Regulations 2011",
                    "https://www.dfat.gov.au/international-relations/security/sanctions/",
                    "RUSSIA",
                    "RU",
                    5),
            new Authority(
                    "UN-SC",
                    "UN",
                    "Resolution 2397 (2017)",
                    "https://www.un.org/securitycouncil/sanctions/1718",
                    "DPRK",
                    "KP",
                    4),
            new Authority(
                    "KR-MOEF",
                    "KR",
                    "Foreign Exchange Transactions Act",
                    "https://english.moef.go.kr/",
                    "RUSSIA-UKRAINE",
                    "RU",
                    5));
    private static final int TOTAL_WEIGHT =
            AUTHORITIES.stream().mapToInt(Authority::weight).sum();
    private static final Instant START = Instant.parse("2022-02-22T00:00:00Z");

    private final SplittableRandom random;
    private final LogFold fold = new LogFold();
    private final Map<String, KeyPool> active = new HashMap<>();
    private final Map<String, KeyPool> delisted = new HashMap<>();
    private final Map<String, Integer> targetsIssued = new HashMap<>();
    private final Map<Kind, Long> mix = new EnumMap<>(Kind.class);
    private Instant clock = START;
    private long announcements;
    private long actions;

    SyntheticLog(long seed) {
        this.random = new SplittableRandom(seed);
        for (Kind kind : Kind.values()) {
            mix.put(kind, 0L);
        }
    }

    /**
     * Announcements holding {@code total} actions in all, each of {@code sizes.getAsInt()} actions (the last one
     * fewer if needed).
     */
    List<Announcement> announcements(long total, IntSupplier sizes) {
        List<Announcement> made = new ArrayList<>();
        long left = total;
        while (left > 0) {
            int size = (int) Math.min(Math.max(1, sizes.getAsInt()), left);
            made.add(next(size));
            left -= size;
        }
        return made;
    }

    /** Sizes around {@code mean} actions: uniform over {@code mean/5 .. 9*mean/5}, as real packages vary. */
    IntSupplier sizesAround(int mean) {
        int low = Math.max(1, mean / 5);
        int high = Math.max(low, mean * 9 / 5);
        return () -> low + random.nextInt(high - low + 1);
    }

    /** The next announcement, of {@code size} actions by one authority, folded into the expected states. */
    Announcement next(int size) {
        Authority authority = drawAuthority();
        // Seconds apart: a log of millions of announcements still ends in the past, and brokers refuse record
        // timestamps more than an hour ahead of their clock (log.message.timestamp.after.max.ms).
        clock = clock.plus(Duration.ofSeconds(1 + random.nextInt(60)));
        announcements++;
        String date = LocalDate.ofInstant(clock, ZoneOffset.UTC).toString();
        String id = authority.code().toLowerCase(Locale.ROOT) + "-" + date + "-" + String.format("%07d", announcements);
        Set<String> touched = new HashSet<>();
        List<Action> made = new ArrayList<>(size);
        Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
        for (int i = 0; i < size; i++) {
            Choice choice = chooseAction(authority, id, touched);
            made.add(choice.action());
            kinds.merge(choice.kind(), 1, Integer::sum);
            mix.merge(choice.kind(), 1L, Long::sum);
        }
        Announcement announcement = Announcement.newBuilder()
                .setAnnouncementId(id)
                .setAuthority(authority.code())
                .setJurisdiction(authority.jurisdiction())
                .setPublishedAt(clock)
                .setEffectiveFrom(
                        random.nextInt(5) == 0
                                ? LocalDate.ofInstant(clock, ZoneOffset.UTC)
                                        .plusDays(1 + random.nextInt(30))
                                        .toString()
                                : date)
                .setTitle(title(kinds, made))
                .setSummary(
                        random.nextInt(3) == 0
                                ? "Measures adopted in view of the continuing actions"
                                        + " destabilising the situation in Ukraine, in coordination with international partners."
                                : null)
                .setLegalBasis(authority.legalBasis())
                .setSourceUrl(authority.sourceUrl() + id)
                .setActions(made)
                .build();
        expectEveryActionChanges(announcement);
        actions += size;
        return announcement;
    }

    /** The jurisdictions of the authorities the log draws from, sorted. */
    static List<String> jurisdictions() {
        return AUTHORITIES.stream()
                .map(Authority::jurisdiction)
                .distinct()
                .sorted()
                .toList();
    }

    /** The state of every designation after everything made so far, as the processor must end up. */
    SortedMap<String, DesignationState> expectedStates() {
        return fold.states();
    }

    long announcements() {
        return announcements;
    }

    /** Also the number of notifications: every action changes its designation. */
    long actions() {
        return actions;
    }

    /** How many actions of each kind were made. */
    Map<Kind, Long> mix() {
        return Map.copyOf(mix);
    }

    private void expectEveryActionChanges(Announcement announcement) {
        List<Outcome> outcomes = fold.apply(announcement);
        for (int i = 0; i < outcomes.size(); i++) {
            if (!(outcomes.get(i) instanceof Outcome.Changed)) {
                throw new IllegalStateException("the synthetic log made an action that changes nothing: "
                        + announcement.getAnnouncementId() + "#" + i + " gave " + outcomes.get(i));
            }
        }
    }

    private record Choice(Kind kind, Action action) {}

    private Choice chooseAction(Authority authority, String announcementId, Set<String> touched) {
        int roll = random.nextInt(100);
        KeyPool activeKeys = active.computeIfAbsent(authority.code(), a -> new KeyPool());
        KeyPool delistedKeys = delisted.computeIfAbsent(authority.code(), a -> new KeyPool());
        if (roll >= 95 && !delistedKeys.isEmpty()) {
            String key = untouched(delistedKeys, touched);
            if (key != null) {
                delistedKeys.remove(key);
                activeKeys.add(key);
                return new Choice(Kind.RELISTING, relist(authority, state(key)));
            }
        } else if (roll >= 60 && roll < 95 && !activeKeys.isEmpty()) {
            String key = untouched(activeKeys, touched);
            if (key != null) {
                DesignationState state = state(key);
                if (roll < 80) {
                    return new Choice(Kind.AMENDMENT, amend(authority, state, announcementId));
                }
                if (roll < 87 && state.getMeasures().size() >= 2) {
                    return new Choice(Kind.PARTIAL_DELISTING, liftOneMeasure(state));
                }
                activeKeys.remove(key);
                delistedKeys.add(key);
                return new Choice(Kind.DELISTING, delist(state));
            }
        }
        Choice designation = designate(authority);
        String key = DesignationKeys.of(
                authority.code(), designation.action().getTarget().getId());
        activeKeys.add(key);
        touched.add(key);
        return designation;
    }

    /** A key not yet used by this announcement, or null: two actions on one key in one package are rare. */
    private String untouched(KeyPool pool, Set<String> touched) {
        for (int attempt = 0; attempt < 4; attempt++) {
            String key = pool.draw(random);
            if (touched.add(key)) {
                return key;
            }
        }
        return null;
    }

    private DesignationState state(String key) {
        return fold.state(key).orElseThrow(() -> new IllegalStateException("no state for pooled key " + key));
    }

    private Authority drawAuthority() {
        int roll = random.nextInt(TOTAL_WEIGHT);
        for (Authority authority : AUTHORITIES) {
            roll -= authority.weight();
            if (roll < 0) {
                return authority;
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    private Choice designate(Authority authority) {
        TargetKind kind = drawKind();
        int number = targetsIssued.merge(authority.code(), 1, Integer::sum);
        String id = authority.nationality() + "-" + kind.name().charAt(0) + "-" + String.format("%06d", number);
        return new Choice(Kind.DESIGNATION, designation(authority, id, kind));
    }

    private Action relist(Authority authority, DesignationState before) {
        return designation(authority, before.getTargetId(), before.getTarget().getKind());
    }

    private Action designation(Authority authority, String id, TargetKind kind) {
        Target target = switch (kind) {
            case PERSON -> person(id, authority);
            case ORGANIZATION -> organisation(id, authority);
            case VESSEL -> vessel(id);
            case AIRCRAFT -> aircraft(id);
            default ->
                Target.newBuilder()
                        .setId(id)
                        .setKind(kind)
                        .setName(pick(random, Vocabulary.SECTOR_TARGETS))
                        .build();
        };
        List<String> programs = new ArrayList<>(List.of(authority.program()));
        if (random.nextInt(7) == 0) {
            programs.add("CYBER-RELATED");
        }
        return Action.newBuilder()
                .setAction(ActionType.DESIGNATE)
                .setTarget(target)
                .setMeasures(measuresFor(kind))
                .setPrograms(programs)
                .setReason(random.nextInt(5) < 2 ? pick(random, Vocabulary.REASONS) : null)
                .build();
    }

    private Target person(String id, Authority authority) {
        Target.Builder target = Target.newBuilder().setId(id).setKind(TargetKind.PERSON);
        List<String> aliases = new ArrayList<>();
        if (random.nextInt(5) == 0 || !"RU".equals(authority.nationality())) {
            target.setName(pick(random, Vocabulary.OTHER_PERSON_NAMES));
        } else {
            Vocabulary.Word given = pick(random, Vocabulary.GIVEN_NAMES);
            Vocabulary.Word patronymic = pick(random, Vocabulary.PATRONYMICS);
            Vocabulary.Word family = pick(random, Vocabulary.FAMILY_NAMES);
            target.setName(given.latin() + " " + patronymic.latin() + " " + family.latin());
            if (random.nextInt(10) < 6) {
                aliases.add(given.cyrillic() + " " + patronymic.cyrillic() + " " + family.cyrillic());
            }
            if (random.nextInt(4) == 0) {
                aliases.add(family.latin() + " " + given.latin());
            }
        }
        if (!aliases.isEmpty()) {
            target.setAliases(aliases);
        }
        List<String> birthDates = new ArrayList<>();
        int year = 1945 + random.nextInt(50);
        birthDates.add(
                random.nextInt(7) == 0
                        ? String.valueOf(year)
                        : LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28))
                                .toString());
        if (random.nextInt(10) == 0) {
            birthDates.add(String.valueOf(year + 1));
        }
        target.setBirthDates(birthDates);
        List<String> nationalities = new ArrayList<>(List.of(authority.nationality()));
        if (random.nextInt(5) == 0) {
            nationalities.add(pick(random, Vocabulary.SECOND_NATIONALITIES));
        }
        target.setNationalities(nationalities);
        if (random.nextInt(10) < 7) {
            target.setPosition(pick(random, Vocabulary.POSITIONS));
        }
        if (random.nextInt(10) < 4) {
            List<Identifier> identifiers = new ArrayList<>();
            identifiers.add(new Identifier("PASSPORT", digits(9), authority.nationality()));
            if (random.nextInt(2) == 0) {
                identifiers.add(new Identifier("TAX_ID", digits(12), authority.nationality()));
            }
            target.setIdentifiers(identifiers);
        }
        if (random.nextInt(2) == 0) {
            target.setAddresses(List.of(new Address(pick(random, Vocabulary.CITIES), authority.nationality())));
        }
        return target.build();
    }

    private Target organisation(String id, Authority authority) {
        String stem = pick(random, Vocabulary.STEMS);
        String sector = pick(random, Vocabulary.SECTORS);
        Target.Builder target = Target.newBuilder()
                .setId(id)
                .setKind(TargetKind.ORGANIZATION)
                .setName(pick(random, Vocabulary.LEGAL_FORMS) + " " + stem + " " + sector);
        if (random.nextInt(2) == 0) {
            target.setAliases(List.of(stem.toUpperCase(Locale.ROOT) + " " + sector.split(" ")[0]));
        }
        List<Identifier> identifiers = new ArrayList<>();
        if (random.nextInt(10) < 7) {
            identifiers.add(new Identifier("REGISTRATION", digits(13), authority.nationality()));
        }
        if (random.nextInt(10) < 6) {
            identifiers.add(new Identifier("TAX_ID", digits(10), authority.nationality()));
        }
        if (sector.equals("Bank")) {
            identifiers.add(
                    new Identifier("SWIFT_BIC", stem.toUpperCase(Locale.ROOT).substring(0, 4) + "RUMM", null));
        }
        if (!identifiers.isEmpty()) {
            target.setIdentifiers(identifiers);
        }
        List<Address> addresses = new ArrayList<>();
        addresses.add(streetAddress(authority.nationality()));
        if (random.nextInt(4) == 0) {
            addresses.add(streetAddress(authority.nationality()));
        }
        target.setAddresses(addresses);
        if (random.nextInt(10) == 0) {
            target.setRemarks("Subsidiary of a designated entity; owned 50 percent or more");
        }
        return target.build();
    }

    private Target vessel(String id) {
        return Target.newBuilder()
                .setId(id)
                .setKind(TargetKind.VESSEL)
                .setName(pick(random, Vocabulary.VESSEL_NAMES)
                        + (random.nextInt(3) == 0 ? " " + (2 + random.nextInt(8)) : ""))
                .setIdentifiers(List.of(
                        new Identifier("IMO", "9" + digits(6), null), new Identifier("MMSI", "273" + digits(6), "RU")))
                .setRemarks("Flag: " + pick(random, List.of("Russia", "Cameroon", "Panama", "Palau", "Comoros")))
                .build();
    }

    private Target aircraft(String id) {
        String registration = "RA-" + (10000 + random.nextInt(90000));
        return Target.newBuilder()
                .setId(id)
                .setKind(TargetKind.AIRCRAFT)
                .setName(pick(random, Vocabulary.AIRCRAFT_TYPES) + " " + registration)
                .setIdentifiers(List.of(
                        new Identifier("REGISTRATION", registration, "RU"), new Identifier("MSN", digits(5), null)))
                .build();
    }

    private Address streetAddress(String country) {
        return new Address(
                (1 + random.nextInt(120)) + " " + pick(random, Vocabulary.STREETS) + ", "
                        + pick(random, Vocabulary.CITIES) + ", " + digits(6),
                country);
    }

    private List<Measure> measuresFor(TargetKind kind) {
        Set<MeasureType> types = EnumSet.noneOf(MeasureType.class);
        switch (kind) {
            case PERSON -> {
                types.add(MeasureType.ASSET_FREEZE);
                if (random.nextInt(10) < 6) {
                    types.add(MeasureType.TRAVEL_BAN);
                }
            }
            case ORGANIZATION -> {
                if (random.nextInt(10) < 7) {
                    types.add(MeasureType.ASSET_FREEZE);
                }
                if (random.nextInt(10) < 3) {
                    types.add(MeasureType.EXPORT_BAN);
                }
                if (random.nextInt(7) == 0) {
                    types.add(MeasureType.INVESTMENT_BAN);
                }
                if (random.nextInt(7) == 0) {
                    types.add(MeasureType.FINANCIAL_SERVICES_BAN);
                }
                if (random.nextInt(20) == 0) {
                    types.add(MeasureType.SWIFT_DISCONNECTION);
                }
                if (types.isEmpty()) {
                    types.add(MeasureType.SECTORAL_RESTRICTION);
                }
            }
            case VESSEL, AIRCRAFT -> {
                types.add(MeasureType.ASSET_FREEZE);
                types.add(MeasureType.OTHER);
            }
            default -> {
                types.add(pick(
                        random,
                        List.of(
                                MeasureType.EXPORT_BAN,
                                MeasureType.IMPORT_BAN,
                                MeasureType.TRADE_STATUS_REVOCATION,
                                MeasureType.INVESTMENT_BAN)));
                if (random.nextInt(3) == 0) {
                    types.add(MeasureType.SECTORAL_RESTRICTION);
                }
            }
        }
        List<Measure> measures = new ArrayList<>();
        for (MeasureType type : types) {
            String detail = type == MeasureType.OTHER
                    ? (kind == TargetKind.VESSEL ? "port access ban" : "overflight ban")
                    : random.nextInt(7) == 0 ? pick(random, Vocabulary.DETAILS) : null;
            measures.add(new Measure(type, detail));
        }
        return measures;
    }

    /** Changes one or two target fields; the remarks always name the announcement, so something always changes. */
    private Action amend(Authority authority, DesignationState before, String announcementId) {
        Target old = before.getTarget();
        Target.Builder target = Target.newBuilder().setId(old.getId()).setRemarks("Entry amended by " + announcementId);
        Action.Builder action = Action.newBuilder().setAction(ActionType.AMEND);
        switch (random.nextInt(5)) {
            case 0 -> {
                List<String> aliases = old.getAliases() == null ? new ArrayList<>() : new ArrayList<>(old.getAliases());
                aliases.add(pick(random, Vocabulary.FAMILY_NAMES).latin() + " " + pick(random, Vocabulary.STEMS));
                target.setAliases(aliases);
            }
            case 1 -> {
                List<Address> addresses =
                        old.getAddresses() == null ? new ArrayList<>() : new ArrayList<>(old.getAddresses());
                addresses.add(streetAddress(authority.nationality()));
                target.setAddresses(addresses);
            }
            case 2 -> {
                List<Identifier> identifiers =
                        old.getIdentifiers() == null ? new ArrayList<>() : new ArrayList<>(old.getIdentifiers());
                identifiers.add(new Identifier("PASSPORT", digits(9), authority.nationality()));
                target.setIdentifiers(identifiers);
            }
            case 3 -> {
                List<Measure> measures = new ArrayList<>(before.getMeasures());
                Set<MeasureType> present = EnumSet.noneOf(MeasureType.class);
                measures.forEach(m -> present.add(m.getType()));
                for (MeasureType type : List.of(
                        MeasureType.TRAVEL_BAN,
                        MeasureType.INVESTMENT_BAN,
                        MeasureType.EXPORT_BAN,
                        MeasureType.FINANCIAL_SERVICES_BAN)) {
                    if (!present.contains(type)) {
                        measures.add(new Measure(type, null));
                        break;
                    }
                }
                action.setMeasures(measures);
            }
            default -> {
                if (old.getKind() == TargetKind.PERSON) {
                    target.setPosition(pick(random, Vocabulary.POSITIONS));
                } else {
                    target.setName(old.getName() + " (formerly " + pick(random, Vocabulary.STEMS) + ")");
                }
            }
        }
        return action.setTarget(target.build())
                .setReason(random.nextInt(3) == 0 ? "Updated identifying information" : null)
                .build();
    }

    private Action liftOneMeasure(DesignationState before) {
        List<Measure> measures = before.getMeasures();
        Measure lifted = measures.get(random.nextInt(measures.size()));
        return Action.newBuilder()
                .setAction(ActionType.DELIST)
                .setTarget(Target.newBuilder().setId(before.getTargetId()).build())
                .setMeasures(List.of(new Measure(lifted.getType(), null)))
                .setReason("Measure lifted on review")
                .build();
    }

    private Action delist(DesignationState before) {
        return Action.newBuilder()
                .setAction(ActionType.DELIST)
                .setTarget(Target.newBuilder().setId(before.getTargetId()).build())
                .setReason(pick(
                        random,
                        List.of(
                                "Deceased",
                                "Removed following a successful legal challenge",
                                "Change of ownership and control",
                                "No longer meets the designation criteria")))
                .build();
    }

    private TargetKind drawKind() {
        int roll = random.nextInt(100);
        if (roll < 55) {
            return TargetKind.PERSON;
        }
        if (roll < 90) {
            return TargetKind.ORGANIZATION;
        }
        if (roll < 96) {
            return TargetKind.VESSEL;
        }
        return roll < 99 ? TargetKind.AIRCRAFT : TargetKind.SECTOR;
    }

    private String title(Map<Kind, Integer> kinds, List<Action> made) {
        if (made.size() == 1) {
            Action only = made.get(0);
            String verb = switch (only.getAction()) {
                case DESIGNATE -> "Designation of ";
                case AMEND -> "Amendment to the entry of ";
                default -> "Removal of ";
            };
            String name = only.getTarget().getName();
            return verb + (name != null ? name : only.getTarget().getId());
        }
        List<String> parts = new ArrayList<>();
        kinds.forEach((kind, count) -> parts.add(
                count + " " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + (count == 1 ? "" : "s")));
        return "Sanctions update: " + String.join(", ", parts);
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }
}
