import ArgumentParser
import Foundation
import VitrinaSynthetic

/// `vitrina generate`: writes a deterministic synthetic catalog as canonical JSONL or YML.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic ru/be catalog as canonical JSONL or YML (same seed, same catalog).")

    @Option(name: .long, help: "Number of products.")
    var count = 10_000

    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Share of Belarusian products, 0...1.")
    var belarusian = 0.2

    @Option(name: .long, help: "Output format: jsonl or yml.")
    var format = "jsonl"

    func validate() throws {
        guard ["jsonl", "yml"].contains(format) else { throw ValidationError("--format must be jsonl or yml") }
    }

    func run() throws {
        var generator = CatalogGenerator(seed: seed, belarusianShare: belarusian)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var output = OutputBuffer()
        let feed = YMLFeedWriter(
            shop: "Synthetic", currencies: ["RUB", "BYN"], categoryPaths: CatalogGenerator.categoryPaths)
        if format == "yml" { output.write(feed.start) }
        for number in 0..<count {
            let product = generator.product(number: number)
            if format == "yml" {
                output.write(feed.offer(product))
            } else {
                output.write(String(decoding: try encoder.encode(product), as: UTF8.self))
                output.write("\n")
            }
        }
        if format == "yml" { output.write(feed.end) }
        output.flush()
    }
}
