import ArgumentParser

/// The `vitrina` command: search and voice-readiness tools for ru/be product catalogs.
@main
struct Vitrina: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vitrina",
        abstract: "Search and voice-search tools for Russian and Belarusian product catalogs.",
        subcommands: [
            Analyze.self, Stem.self, Index.self, Search.self, Stats.self, Check.self, Export.self, Parse.self, Ask.self,
            Eval.self,
            Audit.self,
            Generate.self,
            Bench.self,
        ]
    )
}
