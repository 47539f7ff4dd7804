package dev.sanctions.bench;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Word lists from which the synthetic log draws names, positions and addresses of the lengths real sanctions lists
 * have: a person's name of three parts (25 characters on average), an organisation's of 20 to 60, with
 * Cyrillic aliases where the real lists give them.
 */
final class Vocabulary {

    /** Latin and Cyrillic forms, so aliases carry multi-byte UTF-8 as the real lists do. */
    record Word(String latin, String cyrillic) {}

    static final List<Word> GIVEN_NAMES = List.of(
            new Word("Aleksandr", "Александр"),
            new Word("Sergei", "Сергей"),
            new Word("Dmitry", "Дмитрий"),
            new Word("Andrey", "Андрей"),
            new Word("Vladimir", "Владимир"),
            new Word("Igor", "Игорь"),
            new Word("Yury", "Юрий"),
            new Word("Nikolai", "Николай"),
            new Word("Mikhail", "Михаил"),
            new Word("Oleg", "Олег"),
            new Word("Viktor", "Виктор"),
            new Word("Elena", "Елена"),
            new Word("Olga", "Ольга"),
            new Word("Tatiana", "Татьяна"),
            new Word("Natalia", "Наталья"),
            new Word("Ramzan", "Рамзан"),
            new Word("Gennady", "Геннадий"),
            new Word("Arkady", "Аркадий"));
    static final List<Word> PATRONYMICS = List.of(
            new Word("Ivanovich", "Иванович"), new Word("Petrovich", "Петрович"),
            new Word("Viktorovich", "Викторович"), new Word("Leonidovich", "Леонидович"),
            new Word("Valentinovich", "Валентинович"), new Word("Borisovich", "Борисович"),
            new Word("Akhmatovich", "Ахматович"), new Word("Nikolaevich", "Николаевич"),
            new Word("Sergeevna", "Сергеевна"), new Word("Vladimirovna", "Владимировна"));
    static final List<Word> FAMILY_NAMES = List.of(
            new Word("Petrov", "Петров"),
            new Word("Sechin", "Сечин"),
            new Word("Kovalchuk", "Ковальчук"),
            new Word("Kostin", "Костин"),
            new Word("Chemezov", "Чемезов"),
            new Word("Rotenberg", "Ротенберг"),
            new Word("Timchenko", "Тимченко"),
            new Word("Shuvalov", "Шувалов"),
            new Word("Volodin", "Володин"),
            new Word("Matviyenko", "Матвиенко"),
            new Word("Zakharova", "Захарова"),
            new Word("Patrushev", "Патрушев"),
            new Word("Lukashenko", "Лукашенко"),
            new Word("Naryshkin", "Нарышкин"),
            new Word("Bortnikov", "Бортников"));
    static final List<String> OTHER_PERSON_NAMES = List.of(
            "Kim Yong Chol",
            "Ri Pyong Chol",
            "Choe Son Hui",
            "Mohammad Reza Ashtiani",
            "Hossein Salami",
            "Ali Akbar Ahmadian",
            "Maher al-Assad",
            "Rami Makhlouf",
            "Viktor Sheiman",
            "Natalya Kochanova");
    static final List<String> POSITIONS = List.of(
            "Member of the State Duma of the Federal Assembly",
            "Deputy Minister of Defence",
            "Chief Executive Officer of a state-owned defence conglomerate",
            "Governor of Belgorod Oblast",
            "Head of the Chechen Republic",
            "Member of the Security Council",
            "Chairman of the Board of Directors",
            "Commander of the Western Military District",
            "Deputy Chairman of the Government",
            "Principal shareholder of a systemically important bank",
            "Minister of Industry and Trade",
            "Director of the Foreign Intelligence Service",
            "Secretary of the Security Council");
    static final List<String> LEGAL_FORMS = List.of(
            "Joint Stock Company",
            "Public Joint Stock Company",
            "Limited Liability Company",
            "PJSC",
            "JSC",
            "LLC",
            "Federal State Unitary Enterprise",
            "Open Joint Stock Company");
    static final List<String> STEMS = List.of(
            "Volga",
            "Sever",
            "Ural",
            "Baltic",
            "Arktika",
            "Neva",
            "Amur",
            "Kama",
            "Altai",
            "Sibir",
            "Tavrida",
            "Rostek",
            "Promsvyaz",
            "Almaz",
            "Granit",
            "Zvezda",
            "Kronstadt",
            "Pechora");
    static final List<String> SECTORS = List.of(
            "Bank",
            "Shipping Company",
            "Machine Building Plant",
            "Defence Industries",
            "Trading House",
            "Petroleum Refinery",
            "Electronics",
            "Aviation Plant",
            "Shipyard",
            "Investment Fund",
            "Mining Company",
            "Semiconductor Works",
            "Radio Engineering Corporation",
            "Precision Instruments");
    static final List<String> VESSEL_NAMES = List.of(
            "OCEAN PEARL",
            "SEA BREEZE",
            "ARCTIC SUNRISE",
            "NORD STAR",
            "BALTIC LEADER",
            "VOSTOK",
            "LADY M",
            "AMADEA",
            "SCHEHERAZADE",
            "ANGARA",
            "SPARTA IV",
            "URSA MAJOR",
            "MAIA-1",
            "LINDA");
    static final List<String> AIRCRAFT_TYPES = List.of(
            "Boeing 777-300ER",
            "Airbus A350-900",
            "Sukhoi Superjet 100",
            "Bombardier Global 6000",
            "Gulfstream G650",
            "Ilyushin Il-96-300",
            "Tupolev Tu-214");
    static final List<String> SECTOR_TARGETS = List.of(
            "Exports of oil-refinery equipment to the Russian Federation",
            "Imports of iron and steel products originating in the Russian Federation",
            "Provision of accounting, trust and corporate formation services",
            "Exports of luxury goods to the Russian Federation",
            "Most-favoured-nation treatment of the Russian Federation",
            "New investment in the energy sector of the Russian Federation");
    static final List<String> CITIES = List.of(
            "Moscow",
            "Saint Petersburg",
            "Yekaterinburg",
            "Novosibirsk",
            "Kazan",
            "Sevastopol",
            "Minsk",
            "Tehran",
            "Pyongyang",
            "Damascus",
            "Dubai",
            "Limassol",
            "Istanbul");
    static final List<String> STREETS = List.of(
            "Prospekt Mira",
            "Tverskaya ulitsa",
            "Leninsky prospekt",
            "Nevsky prospekt",
            "ulitsa Pravdy",
            "Kutuzovsky prospekt",
            "Presnenskaya naberezhnaya");
    static final List<String> REASONS = List.of(
            "Responsible for actions which undermine the territorial integrity, sovereignty and independence of Ukraine",
            "Provides material support to the military-industrial complex of the Russian Federation",
            "Involved in the evasion of restrictive measures",
            "Benefits from the Government of the Russian Federation",
            "Involved in the transfer of military equipment to the Russian Federation");
    static final List<String> DETAILS = List.of(
            "effective 2 April 2022, after a 30-day transition", "existing contracts may be executed until 5 June 2022",
            "items of Annex VII", "transactions related to the management of reserves and assets");
    static final List<String> SECOND_NATIONALITIES = List.of("CY", "IL", "AE", "TR", "MT", "GB", "KZ");

    private Vocabulary() {}

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
