import ArgumentParser

/// `vitrina bench` (filled in below).
struct Bench: ParsableCommand {
    func run() throws {}
}
