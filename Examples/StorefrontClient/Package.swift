// swift-tools-version:6.1
import PackageDescription

// A storefront service as a client of Vitrina: it depends on the repository by path and imports
// the one `Vitrina` module. CI builds it (scripts/test), so README's library examples, copied
// from Sources/StorefrontClient/main.swift, compile.
let package = Package(
    name: "StorefrontClient",
    dependencies: [
        .package(name: "Vitrina", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "StorefrontClient",
            dependencies: [.product(name: "Vitrina", package: "Vitrina")]
        )
    ]
)
