import ArgumentParser

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#endif

/// The C library's `write`, named apart from Swift methods called `write`.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Darwin)
        Darwin.write(descriptor, buffer, count)
    #else
        Glibc.write(descriptor, buffer, count)
    #endif
}

/// The C library's `exit`, named apart from `ParsableCommand.exit`.
private func systemExit(_ status: Int32) -> Never {
    #if canImport(Darwin)
        Darwin.exit(status)
    #else
        Glibc.exit(status)
    #endif
}

/// The `vitrina` command: search and voice-readiness tools for ru/be product catalogs.
@main
struct Vitrina: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vitrina",
        abstract: "Search and voice-search tools for Russian and Belarusian product catalogs.",
        discussion: """
            Exit status: 0 success, 64 usage mistake, 65 bad input data (catalog, page, index, sitemap), \
            74 a file that cannot be read or written, 1 anything else.
            """,
        subcommands: [
            Analyze.self, Stem.self, Index.self, Search.self, Delete.self, SynonymsCommand.self, Stats.self, Check.self,
            Export.self, Parse.self, Ask.self,
            Eval.self, RankerData.self, Tonality.self, Mentions.self,
            Audit.self,
            Generate.self,
            Bench.self,
            Serve.self,
        ]
    )

    /// Runs the command; errors of the library exit with their own status (``ExitStatus``): a data
    /// error is not a usage mistake, so it gets no "Usage:" hint.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard let (status, message) = ExitStatus.classify(error) else { Self.exit(withError: error) }
            var standardError = StandardError()
            print("Error: \(message)", to: &standardError)
            systemExit(status)
        }
    }
}

/// Standard error as a `print` target.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        let bytes = Array(string.utf8)
        _ = bytes.withUnsafeBytes { systemWrite(2, $0.baseAddress, $0.count) }
    }
}
