import Foundation
import Testing

/// README's library examples are what the sample client (Examples/StorefrontClient) compiles:
/// every ```swift block of README, without its `import Vitrina` line, is one of the sample's
/// `// README: NAME` … `// README: end` blocks, and every such block is in README.
@Suite("README examples")
struct ReadmeExampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The Swift code blocks of README, each without its leading `import Vitrina` and blank lines.
    static func readmeBlocks() throws -> [String] {
        let text = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        var blocks: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```swift" {
                current = []
            } else if let lines = current, line == "```" {
                blocks.append(
                    lines.drop { $0 == "import Vitrina" || $0.isEmpty }.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    /// The sample's marked blocks, by name.
    static func sampleBlocks() throws -> [String: String] {
        let path = "Examples/StorefrontClient/Sources/StorefrontClient/main.swift"
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        var blocks: [String: String] = [:]
        var name: String?
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "// README: end", let open = name {
                blocks[open] = lines.joined(separator: "\n")
                name = nil
            } else if line.hasPrefix("// README: ") {
                name = String(line.dropFirst("// README: ".count))
                lines = []
            } else if name != nil {
                lines.append(line)
            }
        }
        return blocks
    }

    @Test func everyReadmeExampleIsASampleBlockAndBack() throws {
        let readme = try Self.readmeBlocks()
        let sample = try Self.sampleBlocks()
        #expect(sample.count >= 4)
        for block in readme {
            #expect(sample.values.contains(block), "README block not in the sample:\n\(block)")
        }
        for (name, block) in sample {
            #expect(readme.contains(block), "sample block \(name) not in README")
        }
    }
}
