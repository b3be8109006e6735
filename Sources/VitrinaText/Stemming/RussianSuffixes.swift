/// The suffix classes of the Snowball Russian algorithm.
enum RussianSuffixes {
    static let perfectiveGerund = SuffixTable([
        (.afterAOrYa, ["в", "вши", "вшись"]),
        (.delete, ["ив", "ивши", "ившись", "ыв", "ывши", "ывшись"]),
    ])

    static let adjective = SuffixTable([
        (
            .delete,
            [
                "ее", "ие", "ые", "ое", "ими", "ыми", "ей", "ий", "ый", "ой", "ем", "им", "ым", "ом", "его",
                "ого", "ему", "ому", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею",
            ]
        )
    ])

    static let participle = SuffixTable([
        (.afterAOrYa, ["ем", "нн", "вш", "ющ", "щ"]),
        (.delete, ["ивш", "ывш", "ующ"]),
    ])

    static let reflexive = SuffixTable([(.delete, ["ся", "сь"])])

    static let verb = SuffixTable([
        (
            .afterAOrYa,
            [
                "ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но", "ет", "ют", "ны", "ть", "ешь",
                "нно",
            ]
        ),
        (
            .delete,
            [
                "ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей", "уй", "ил", "ыл", "им", "ым", "ен",
                "ило", "ыло", "ено", "ят", "ует", "уют", "ит", "ыт", "ены", "ить", "ыть", "ишь", "ую", "ю",
            ]
        ),
    ])

    static let noun = SuffixTable([
        (
            .delete,
            [
                "а", "ев", "ов", "ие", "ье", "е", "иями", "ями", "ами", "еи", "ии", "и", "ией", "ей", "ой", "ий",
                "й", "иям", "ям", "ием", "ем", "ам", "ом", "о", "у", "ах", "иях", "ях", "ы", "ь", "ию", "ью", "ю",
                "ия", "ья", "я",
            ]
        )
    ])

    static let derivational = SuffixTable([(.delete, ["ост", "ость"])])

    static let tidyUp = SuffixTable([
        (.superlative, ["ейш", "ейше"]),
        (.doubleN, ["н"]),
        (.softSign, ["ь"]),
    ])
}
