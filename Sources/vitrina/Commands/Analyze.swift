import ArgumentParser

/// `vitrina analyze` (filled in below).
struct Analyze: ParsableCommand {
    func run() throws {}
}
