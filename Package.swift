// swift-tools-version:6.1
import PackageDescription

/// Settings shared by every Swift target (see STYLE.md, convention 2).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Vitrina",
    products: [
        // Storefront code imports one module, `Vitrina`, which re-exports the client-facing targets.
        .library(name: "Vitrina", targets: ["Vitrina"]),
        .executable(name: "vitrina", targets: ["vitrina"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // Tests only: reads docs/openapi.yaml to check the server's answers against it.
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // Plain C functions over the system ICU: ICU renames every symbol per version
        // (ubrk_open -> ubrk_open_72), so Swift cannot call it directly.
        .target(
            name: "CVitrinaICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]
        ),
        // System zlib (zlib1g-dev) for compressed stored fields.
        .systemLibrary(name: "CVitrinaZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CVitrinaZstd", providers: [.apt(["libzstd-dev"])]),
        // System libxml2 (libxml2-dev) for the streaming YML/CommerceML readers.
        .systemLibrary(name: "CVitrinaXML", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "VitrinaModel", swiftSettings: strictSettings),
        // Streaming catalog readers: YML, CommerceML, CSV, JSONL, reviews and posts.
        .target(name: "VitrinaCatalog", dependencies: ["VitrinaModel", "CVitrinaXML"], swiftSettings: strictSettings),
        // Deterministic synthetic catalogs for benchmarks and tests.
        .target(name: "VitrinaSynthetic", dependencies: ["VitrinaModel"], swiftSettings: strictSettings),
        .target(
            name: "VitrinaText",
            dependencies: ["CVitrinaICU", "VitrinaModel"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "VitrinaIndex",
            dependencies: ["VitrinaText", "VitrinaModel", "CVitrinaZlib", "CVitrinaZstd"],
            swiftSettings: strictSettings
        ),
        // One import = one commit: catalog readers feeding the index writer, reviews attached.
        .target(
            name: "VitrinaImport", dependencies: ["VitrinaCatalog", "VitrinaIndex", "VitrinaModel"],
            swiftSettings: strictSettings),
        // Reputation monitoring: mentions store, tonality, recurring topics, trends and alerts, authors, reports.
        .target(
            name: "VitrinaMentions", dependencies: ["VitrinaText", "VitrinaIndex", "VitrinaModel"],
            swiftSettings: strictSettings),
        // Spoken query understanding: knows the catalog only through the `Vocabulary` protocol.
        .target(name: "VitrinaVoice", dependencies: ["VitrinaText", "VitrinaModel"], swiftSettings: strictSettings),
        // Voice search over an index: parse, filter, sort, relax, and a spoken answer.
        .target(
            name: "VitrinaSearch",
            dependencies: [
                "VitrinaVoice", "VitrinaMentions", "CVitrinaXML", "VitrinaIndex", "VitrinaText", "VitrinaModel",
                "CVitrinaICU",
            ],
            swiftSettings: strictSettings),
        // Voice-search readiness audit of product pages; knows a catalog only through `CatalogLookup`.
        .target(
            name: "VitrinaAudit",
            dependencies: ["CVitrinaXML", "VitrinaCatalog", "VitrinaVoice", "VitrinaText", "VitrinaModel"],
            swiftSettings: strictSettings),
        // The module storefront code imports: re-exports the client-facing targets, joins the audit to the index.
        .target(
            name: "Vitrina",
            dependencies: [
                "VitrinaImport", "VitrinaIndex", "VitrinaCatalog", "VitrinaSearch", "VitrinaVoice", "VitrinaMentions",
                "VitrinaAudit", "VitrinaText", "VitrinaModel",
            ],
            swiftSettings: strictSettings),
        // The storefront HTTP API (`vitrina serve`): search, ask, suggest, writes, keys, metrics, hot reload.
        .target(
            name: "VitrinaServer",
            dependencies: [
                "VitrinaSearch", "VitrinaMentions", "VitrinaVoice", "VitrinaIndex", "VitrinaText", "VitrinaModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "vitrina",
            dependencies: [
                "Vitrina",
                "VitrinaImport",
                "VitrinaMentions",
                "VitrinaVoice",
                "VitrinaSearch",
                "VitrinaAudit",
                "VitrinaIndex",
                "VitrinaCatalog",
                "VitrinaSynthetic",
                "VitrinaText",
                "VitrinaModel",
                "VitrinaServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // libFuzzer targets over the readers, the audit and the query parser (scripts/fuzz builds them
        // with coverage and AddressSanitizer); a plain build replays files given on the command line.
        .executableTarget(
            name: "VitrinaFuzz",
            dependencies: ["VitrinaCatalog", "VitrinaAudit", "VitrinaVoice", "VitrinaIndex", "VitrinaModel"],
            swiftSettings: strictSettings),
        .testTarget(name: "VitrinaTextTests", dependencies: ["VitrinaText"], swiftSettings: strictSettings),
        .testTarget(
            name: "VitrinaIndexTests", dependencies: ["VitrinaIndex", "VitrinaText"], exclude: ["Fixtures"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "VitrinaCatalogTests", dependencies: ["VitrinaCatalog", "VitrinaModel"], swiftSettings: strictSettings
        ),
        .testTarget(
            name: "VitrinaImportTests", dependencies: ["VitrinaImport", "VitrinaIndex", "VitrinaCatalog"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "VitrinaVoiceTests", dependencies: ["VitrinaVoice", "VitrinaModel"], swiftSettings: strictSettings),
        .testTarget(
            name: "VitrinaSearchTests",
            dependencies: [
                "VitrinaSearch", "VitrinaMentions", "VitrinaIndex", "VitrinaVoice", "VitrinaText", "VitrinaModel",
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "VitrinaAuditTests", dependencies: ["VitrinaAudit", "VitrinaModel"], swiftSettings: strictSettings),
        .testTarget(
            name: "VitrinaMentionsTests", dependencies: ["VitrinaMentions", "VitrinaIndex", "VitrinaModel"],
            swiftSettings: strictSettings),
        // The re-exported targets are listed too: SwiftPM rebuilds a target when its direct dependencies'
        // modules change, and Vitrina's own module does not change when only a re-exported one does.
        .testTarget(
            name: "VitrinaTests",
            dependencies: [
                "Vitrina", "VitrinaImport", "VitrinaIndex", "VitrinaCatalog", "VitrinaSearch", "VitrinaVoice",
                "VitrinaMentions", "VitrinaAudit", "VitrinaText", "VitrinaModel",
            ],
            swiftSettings: strictSettings),
        .testTarget(name: "VitrinaCLITests", dependencies: ["vitrina"], swiftSettings: strictSettings),
        .testTarget(
            name: "VitrinaServerTests",
            dependencies: [
                "VitrinaServer", "VitrinaIndex", "VitrinaModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings),
    ]
)
