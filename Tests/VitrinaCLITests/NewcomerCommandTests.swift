import Foundation
import Testing

/// Issue 15, part 5: what a newcomer types works — filters as users write them, deleting by id,
/// synonyms per index.
@Suite("Newcomer CLI: filters, delete, synonyms", .serialized)
struct NewcomerCommandTests {
    static let catalog = """
        {"id": "tv-1", "title": "Телевизор Samsung 55", "vendor": "Samsung", "category": "Электроника > Телевизоры", "price": 24990, "available": true}
        {"id": "tv-2", "title": "Телевизор LG 43", "vendor": "LG Electronics", "category": "Электроника > Телевизоры", "price": 31990, "available": false}
        {"id": "vc-1", "title": "Пылесос Philips", "vendor": "Philips", "category": "Бытовая техника > Пылесосы", "price": 9990, "available": true}

        """

    /// A folder with `shop.index` imported from ``catalog``.
    static func index() throws -> (folder: String, index: String) {
        let folder = NSTemporaryDirectory() + "vitrina-cli-newcomer-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(catalog.utf8).write(to: URL(fileURLWithPath: folder + "/catalog.jsonl"))
        let run = try CLI.run(["index", "--index", folder + "/shop.index", folder + "/catalog.jsonl"])
        #expect(run.status == 0, "\(run.stderr)")
        return (folder, folder + "/shop.index")
    }

    /// The ids `search --json` returns.
    static func ids(_ arguments: [String]) throws -> [String]? {
        let run = try CLI.run(["search", "--json"] + arguments)
        guard run.status == 0 else { return nil }
        let object = try JSONSerialization.jsonObject(with: run.stdoutBytes) as? [String: Any]
        return (object?["hits"] as? [[String: Any]])?.compactMap { $0["id"] as? String }.sorted()
    }

    @Test func filtersAcceptWhatUsersType() throws {
        let (folder, index) = try Self.index()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for yes in ["available=1", "available=true", "available=да", "available = yes"] {
            #expect(try Self.ids(["--index", index, "--filter", yes, ""]) == ["tv-1", "vc-1"], "\(yes)")
        }
        #expect(try Self.ids(["--index", index, "--filter", "available=нет", ""]) == ["tv-2"])
        for category in [
            "category=Электроника > Телевизоры", "category=\"Электроника > Телевизоры\"",
            "category=Электроника>Телевизоры",
            "category=«Электроника › Телевизоры»",
        ] {
            #expect(try Self.ids(["--index", index, "--filter", category, ""]) == ["tv-1", "tv-2"], "\(category)")
        }
        #expect(try Self.ids(["--index", index, "--filter", "category=Бытовая техника", ""]) == ["vc-1"])
        #expect(try Self.ids(["--index", index, "--filter", "vendor=\"LG Electronics\"", ""]) == ["tv-2"])
        #expect(try Self.ids(["--index", index, "--filter", "vendor='lg electronics'", "телевизор"]) == ["tv-2"])
        #expect(try Self.ids(["--index", index, "--filter", "price=24990", ""]) == ["tv-1"])
        #expect(
            try Self.ids(["--index", index, "--filter", "price <= 25000", "--filter", "price>=10000", ""]) == ["tv-1"])
        #expect(try Self.ids(["--index", index, "--filter", "price=9000..25000", ""]) == ["tv-1", "vc-1"])

        let wrong = try CLI.run(["search", "--index", index, "--filter", "available=maybe", ""])
        #expect(wrong.status == 64 && wrong.stderr.contains("available is numeric"), "\(wrong.stderr)")
        let noField = try CLI.run(["search", "--index", index, "--filter", "=5", ""])
        #expect(noField.status == 64 && noField.stderr.contains("field name is missing"), "\(noField.stderr)")
    }

    @Test func deleteByIdIsOneCommitAndListsUnknownIds() throws {
        let (folder, index) = try Self.index()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = try CLI.run(["stats", "--index", index, "--json"])
        let generation =
            (try JSONSerialization.jsonObject(with: before.stdoutBytes) as? [String: Any])?["generation"] as? Int
        let run = try CLI.run(["delete", "--index", index, "--json", "tv-1", "nope", "vc-1", "tv-1"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: run.stdoutBytes) as? [String: Any])
        #expect(report["deleted"] as? [String] == ["tv-1", "vc-1"] && report["missing"] as? [String] == ["nope"])
        #expect(report["documents"] as? Int == 1)
        #expect(report["generation"] as? Int == generation.map { $0 + 1 })
        #expect(try Self.ids(["--index", index, ""]) == ["tv-2"])

        let nothing = try CLI.run(["delete", "--index", index, "gone"])
        #expect(nothing.status == 0 && nothing.stdout.contains("not in the index: gone"), "\(nothing.stdout)")
        let missing = try CLI.run(["delete", "--index", folder + "/no.index", "tv-1"])
        #expect(missing.status == 65, "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/no.index"))
    }

    @Test func synonymsApplyToSearchAndAsk() throws {
        let (folder, index) = try Self.index()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try Self.ids(["--index", index, "телик"]) == [])
        let file = folder + "/synonyms.txt"
        try Data("# ru and be\nтелевизор, тв, телик, тэлевізар\n\nпылесос, пыласос  # be\n".utf8).write(
            to: URL(fileURLWithPath: file))
        let set = try CLI.run(["synonyms", "set", "--index", index, file])
        #expect(set.status == 0 && set.stdout.contains("2 synonym groups"), "\(set.stderr)")
        #expect(FileManager.default.fileExists(atPath: index + ".synonyms.txt"))
        #expect(try Self.ids(["--index", index, "телики"]) == ["tv-1", "tv-2"])
        #expect(try Self.ids(["--index", index, "тв samsung"]) == ["tv-1"])
        #expect(try Self.ids(["--index", index, "пыласос"]) == ["vc-1"])

        let ask = try CLI.run(["ask", "--index", index, "--json", "где купить телик самсунг"])
        let asked = try #require(try JSONSerialization.jsonObject(with: ask.stdoutBytes) as? [String: Any])
        #expect((asked["hits"] as? [[String: Any]])?.first?["id"] as? String == "tv-1", "\(ask.stdout)")

        let show = try CLI.run(["synonyms", "show", "--index", index, "--json"])
        let shown = try #require(try JSONSerialization.jsonObject(with: show.stdoutBytes) as? [String: Any])
        #expect(
            shown["groups"] as? [[String]] == [["телевизор", "тв", "телик", "тэлевізар"], ["пылесос", "пыласос"]])

        try Data("телевизор, тв\nстиральная машина, стиралка\n".utf8).write(to: URL(fileURLWithPath: file))
        let bad = try CLI.run(["synonyms", "set", "--index", index, file])
        #expect(
            bad.status == 65 && bad.stderr.contains("line 2") && bad.stderr.contains("not one word"), "\(bad.stderr)")
        try Data("телевизор\n".utf8).write(to: URL(fileURLWithPath: file))
        let single = try CLI.run(["synonyms", "set", "--index", index, file])
        #expect(single.status == 65 && single.stderr.contains("line 1: expected two or more words"), "\(single.stderr)")
        #expect(try Self.ids(["--index", index, "телик"]) == ["tv-1", "tv-2"], "a bad file replaces nothing")

        try Data("# none\n".utf8).write(to: URL(fileURLWithPath: file))
        #expect(try CLI.run(["synonyms", "set", "--index", index, file]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: index + ".synonyms.txt"))
        #expect(try Self.ids(["--index", index, "телик"]) == [])
    }
}
