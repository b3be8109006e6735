import Foundation
import Testing

/// README's library examples and the DocC article's code are what the sample client
/// (Examples/StorefrontClient) compiles: every ```swift block of README and of the DocC catalog,
/// without its `import Vitrina` line, is one of the sample's `// Example: NAME` … `// Example: end`
/// blocks, and every such block is in one of them.
@Suite("README and DocC examples")
struct ReadmeExampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The Swift code blocks of a markdown file, each without its leading `import Vitrina` and blank lines.
    static func swiftBlocks(_ path: String) throws -> [String] {
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
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
            if line == "// Example: end", let open = name {
                blocks[open] = lines.joined(separator: "\n")
                name = nil
            } else if line.hasPrefix("// Example: ") {
                name = String(line.dropFirst("// Example: ".count))
                lines = []
            } else if name != nil {
                lines.append(line)
            }
        }
        return blocks
    }

    @Test func everyExampleIsASampleBlockAndBack() throws {
        let readme = try Self.swiftBlocks("README.md")
        let docc = try Self.swiftBlocks("Sources/Vitrina/Vitrina.docc/GettingStarted.md")
        let sample = try Self.sampleBlocks()
        #expect(sample.count >= 6 && readme.count >= 4 && docc.count >= 4)
        for block in readme {
            #expect(sample.values.contains(block), "README block not in the sample:\n\(block)")
        }
        for block in docc {
            #expect(sample.values.contains(block), "DocC block not in the sample:\n\(block)")
        }
        for (name, block) in sample {
            #expect(readme.contains(block) || docc.contains(block), "sample block \(name) in neither README nor DocC")
        }
    }
}
