import ArgumentParser
import Foundation
import VitrinaSynthetic

/// `vitrina generate`: writes a deterministic synthetic catalog as canonical JSONL.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic ru/be catalog as canonical JSONL (same seed, same catalog).")

    @Option(name: .long, help: "Number of products.")
    var count = 10_000

    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Share of Belarusian products, 0...1.")
    var belarusian = 0.2

    func run() throws {
        var generator = CatalogGenerator(seed: seed, belarusianShare: belarusian)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var output = OutputBuffer()
        for number in 0..<count {
            output.write(String(decoding: try encoder.encode(generator.product(number: number)), as: UTF8.self))
            output.write("\n")
        }
        output.flush()
    }
}
