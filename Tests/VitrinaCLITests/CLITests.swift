import Foundation
import Testing

/// Runs the built `vitrina` binary, as a user would.
enum CLI {
    /// The directory holding the built products (the test bundle sits next to `vitrina`).
    static let productsDirectory: URL = {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        // On Linux the tests run as `<products>/VitrinaPackageTests.xctest`.
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("vitrina").path),
            directory.path != "/"
        {
            directory = directory.deletingLastPathComponent()
        }
        return directory
    }()

    /// The result of one run.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutBytes: Data
    }

    /// Runs `vitrina` with `arguments`, feeding `input` to standard input.
    @discardableResult
    static func run(_ arguments: [String], input: Data = Data()) throws -> Result {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("vitrina")
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Write input and read output concurrently so large outputs cannot deadlock.
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self), stdoutBytes: out)
    }
}

@Suite("vitrina CLI")
struct CLITests {
    @Test func analyzeJSONHasTheDocumentedShape() throws {
        let result = try CLI.run(["analyze", "--json", "Робот-пылесос Xiaomi 128ГБ"])
        #expect(result.status == 0)
        let object = try #require(JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect(object["language"] as? String == "ru")
        #expect(object["chain"] as? String == "ru")
        let tokens = try #require(object["tokens"] as? [[String: Any]])
        #expect(tokens.map { $0["text"] as? String } == ["Робот-пылесос", "Робот", "пылесос", "Xiaomi", "128", "ГБ"])
        #expect(tokens.map { $0["kind"] as? String } == ["word", "word", "word", "word", "number", "unit"])
        #expect(tokens.map { $0["position"] as? Int } == [0, 0, 1, 2, 3, 4])
        #expect(tokens[0]["positionLength"] as? Int == 2)
        #expect(tokens[0]["start"] as? Int == 0)
        #expect(tokens[0]["end"] as? Int == 25)
        #expect(tokens[5]["term"] as? String == "gb")
        #expect(tokens[0]["flags"] as? [String] == ["compound"])
        for key in ["normalized", "term"] { #expect(tokens.allSatisfy { $0[key] is String }) }
    }

    @Test func analyzeReadsStandardInputAndDetectsBelarusian() throws {
        let result = try CLI.run(["analyze", "--json"], input: Data("колькі каштуе пыласос".utf8))
        #expect(result.status == 0)
        let object = try #require(JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any])
        #expect(object["language"] as? String == "be")
        #expect((object["tokens"] as? [Any])?.count == 3)
    }

    @Test func analyzeReportsSpokenNumbersTransliterationAndLayout() throws {
        let result = try CLI.run(["analyze", "--json", "самсунг дешевле двадцати пяти тысяч"])
        let object = try #require(JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any])
        let numbers = try #require(object["numbers"] as? [[String: Any]])
        #expect(numbers.count == 1)
        #expect(numbers.first?["value"] as? Double == 25_000)
        #expect(numbers.first?["text"] as? String == "двадцати пяти тысяч")
        #expect((object["latin"] as? String)?.hasPrefix("samsung") == true)
        let typed = try CLI.run(["analyze", "--json", "cvfhnajy"])
        let typedObject = try #require(JSONSerialization.jsonObject(with: typed.stdoutBytes) as? [String: Any])
        #expect(typedObject["otherLayout"] as? String == "смартфон")
    }

    @Test func analyzeWarnsAboutInvalidUTF8WithItsOffset() throws {
        let result = try CLI.run(["analyze"], input: Data([0x61, 0x62, 0xFF, 0x63]))
        #expect(result.status == 0)
        #expect(result.stderr.contains("byte offset 2"))
    }

    @Test func analyzeOfEmptyInputPrintsNoTokens() throws {
        let result = try CLI.run(["analyze", "--json", ""])
        #expect(result.status == 0)
        let object = try #require(JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any])
        #expect((object["tokens"] as? [Any])?.isEmpty == true)
    }

    @Test func analyzeRejectsAnUnknownLanguage() throws {
        let result = try CLI.run(["analyze", "--lang", "uk", "текст"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--lang"))
    }

    @Test func stemKeepsOneLinePerLineIncludingBlanks() throws {
        let input = "Телевизоры\n\nТЕЛЕВИЗОРАМИ\nsamsung\n"
        let result = try CLI.run(["stem", "--lang", "ru"], input: Data(input.utf8))
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 5)  // four lines and the final newline
        #expect(lines[1].isEmpty)
        #expect(lines[0] == lines[2])
        #expect(lines[3] == "samsung")
    }

    @Test func stemBelarusianHandlesApostropheVariants() throws {
        let result = try CLI.run(["stem", "--lang", "be"], input: Data("сям’я\nсям'я\n".utf8))
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0] == lines[1])
    }

    @Test func stemRequiresALanguage() throws {
        let result = try CLI.run(["stem"])
        #expect(result.status != 0)
    }
}
