#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#endif

/// `vitrina-fuzz TARGET [ARGUMENTS…]`.
///
/// Built by `scripts/fuzz` with `-DVITRINA_FUZZ`, SanitizerCoverage and AddressSanitizer, it is a
/// libFuzzer binary: the arguments after the target go to libFuzzer (corpus folders, `-runs=`,
/// `-max_total_time=`). Built plainly (as `swift build` does), it replays files: each argument is
/// a file given once to the target — how a crash found by the fuzzer is checked.
@main
enum FuzzMain {
    static func main() {
        let arguments = CommandLine.arguments
        if arguments.count == 3, arguments[1] == "seed-segments" {
            SegmentSeeds.write(to: arguments[2])
            exit(0)
        }
        guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[1]) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            complain(
                "usage: VitrinaFuzz TARGET [libFuzzer arguments | files]\n       VitrinaFuzz seed-segments FOLDER\n"
                    + "targets: \(names)")
            exit(64)
        }
        #if VITRINA_FUZZ
            selected = target
            // libFuzzer gets our argv without the target name.
            var argv: [UnsafeMutablePointer<CChar>?] = ([arguments[0]] + arguments.dropFirst(2)).map { strdup($0) }
            argv.append(nil)
            var argc = Int32(argv.count - 1)
            let status = argv.withUnsafeMutableBufferPointer { buffer -> Int32 in
                var pointer = buffer.baseAddress
                return LLVMFuzzerRunDriver(&argc, &pointer) { data, size in
                    selected.run(UnsafeRawBufferPointer(start: data, count: size))
                    return 0
                }
            }
            exit(status)
        #else
            for file in arguments.dropFirst(2) {
                guard let handle = fopen(file, "rb") else {
                    complain("\(file): cannot open (errno \(errno))")
                    exit(74)
                }
                var bytes: [UInt8] = []
                var chunk = [UInt8](repeating: 0, count: 1 << 16)
                while true {
                    let got = fread(&chunk, 1, chunk.count, handle)
                    if got == 0 { break }
                    bytes += chunk[..<got]
                }
                fclose(handle)
                bytes.withUnsafeBytes { target.run($0) }
                print("\(file): ok")
            }
        #endif
    }
}

/// Writes `line` to standard error.
func complain(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

#if VITRINA_FUZZ
    /// The target of this run (libFuzzer's callback is a C function and cannot capture it).
    nonisolated(unsafe) var selected = FuzzTarget.yml

    /// libFuzzer's entry point for programs that have their own `main` (SwiftPM gives every executable one).
    ///
    /// `int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*cb)(const uint8_t *, size_t))`, declared here rather than in a C target because it exists only in fuzz builds; its
    /// arguments are all pointers and the result an int, which Swift passes as C does.
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32
#endif
