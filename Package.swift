// swift-tools-version:6.0
import PackageDescription

/// On Linux a release build links the Swift runtime and Foundation into the executable
/// (as `swift build --static-swift-stdlib` does): a process then starts in about 10 ms
/// instead of 70 and holds some 15 MB less (docs/benchmark.md). The executable is not
/// position-independent (`-no-pie`): the loader then has no 100 000 relocations to apply,
/// which saves another 4–5 MB a process. Debug builds, which the tests use, link
/// dynamically.
let staticStandardLibrary = BuildSettingCondition.when(platforms: [.linux], configuration: .release)

/// Settings the tests' targets use: Swift 6 language mode (strict concurrency).
let testSwiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

/// Settings every target of the product shares: the tests' settings, and the static
/// standard library's modules in a release build (their link entries name what the
/// executable then needs: ICU, libxml2).
let swiftSettings: [SwiftSetting] = testSwiftSettings + [
    .unsafeFlags(["-static-stdlib"], staticStandardLibrary),
]

let package = Package(
    name: "Hoshin",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "hoshin", targets: ["hoshin"]),
        .library(name: "HoshinKit", targets: ["HoshinRepository", "HoshinUpdate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
    ],
    targets: [
        // libyaml, the C parser, as Debian ships it (pkg-config yaml-0.1).
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // The only code that imports CYAML: YAML nodes with exact byte ranges.
        .target(name: "HoshinYAML", dependencies: ["CYAML"], swiftSettings: swiftSettings),
        // What several modules share: every text a person reads, in sv, da and en (the message
        // catalogue), the choice of language, numbers as each language writes them, escaping
        // per output language and ANSI styling. No dependencies.
        .target(name: "HoshinText", swiftSettings: swiftSettings),
        // Output bytes streamed to stdout, and a JSON writer with keys in a fixed order.
        .target(name: "HoshinOutput", swiftSettings: swiftSettings),
        // Plain value types: settings, unit plans, diagnostics (and their §6 JSON), dates and periods.
        .target(name: "HoshinModel", dependencies: ["HoshinText", "HoshinOutput"], swiftSettings: swiftSettings),
        // YAML nodes -> plan model, collecting schema problems as diagnostics.
        .target(name: "HoshinDecoding", dependencies: ["HoshinYAML", "HoshinModel"], swiftSettings: swiftSettings),
        // The rule catalogue and the repository-wide rules, one file a rule.
        .target(name: "HoshinRules", dependencies: ["HoshinText", "HoshinModel", "HoshinRollup"], swiftSettings: swiftSettings),
        // Variation over time: run and control charts, Anhøj rules (spec §8). No I/O.
        .target(name: "HoshinVariation", dependencies: ["HoshinModel"], swiftSettings: swiftSettings),
        // Statuses at a date: activities, indicators, success factors, goals, units.
        .target(name: "HoshinRollup", dependencies: ["HoshinModel", "HoshinVariation"], swiftSettings: swiftSettings),
        // Status output: tree, JSON, Markdown, CSV, HTML.
        .target(name: "HoshinRender", dependencies: ["HoshinText", "HoshinModel", "HoshinRollup", "HoshinVariation", "HoshinOutput"], swiftSettings: swiftSettings),
        // Reporting sheets (spec §9): CSV, and the rows of a unit's sheet.
        // zlib, for the ZIP container of XLSX sheets (pkg-config zlib).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "HoshinSheets", dependencies: ["HoshinText", "HoshinModel", "CZlib"], swiftSettings: swiftSettings),
        // In-place edits: changes of the model as byte-range splices of the original text.
        .target(name: "HoshinEditing", dependencies: ["HoshinText", "HoshinYAML", "HoshinModel"], swiftSettings: swiftSettings),
        // Finding, reading, parsing, validating and safely updating a plan repository.
        .target(
            name: "HoshinRepository",
            dependencies: ["HoshinYAML", "HoshinModel", "HoshinDecoding", "HoshinRules"],
            swiftSettings: swiftSettings
        ),
        // The one update path (spec §7, §9, §11): field changes with base values, conflicts,
        // the write check, all-or-nothing writes; `report`, `measure`, `sheet import`, `serve`.
        .target(
            name: "HoshinUpdate",
            dependencies: ["HoshinText", "HoshinModel", "HoshinEditing", "HoshinRepository", "HoshinSheets"],
            swiftSettings: swiftSettings
        ),
        // Validation output: text, JSON (and the CI formats).
        .target(name: "HoshinReporters", dependencies: ["HoshinText", "HoshinModel", "HoshinRules", "HoshinRepository", "HoshinYAML", "HoshinOutput"], swiftSettings: swiftSettings),
        // `hoshin serve`: pages, the JSON API, identity, authorization and git records (spec §11).
        .target(
            name: "HoshinServer",
            dependencies: [
                "HoshinRepository", "HoshinModel", "HoshinRollup", "HoshinRender", "HoshinReporters",
                "HoshinUpdate", "HoshinEditing", "HoshinYAML", "HoshinText", "HoshinOutput",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        // The command line; the only target that prints.
        .executableTarget(
            name: "hoshin",
            dependencies: [
                "HoshinRepository", "HoshinReporters", "HoshinRules", "HoshinModel", "HoshinRollup", "HoshinRender",
                "HoshinSheets", "HoshinUpdate", "HoshinServer", "HoshinText", "HoshinOutput", "HoshinVariation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings,
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-Xclang-linker", "-no-pie"], staticStandardLibrary)]
        ),
        // Speed: whole hoshin processes and in-process phases beside a bare libyaml scan.
        .executableTarget(
            name: "hoshin-bench",
            dependencies: [
                "HoshinRepository", "HoshinYAML", "HoshinModel", "HoshinDecoding", "HoshinRules", "HoshinRollup",
                "HoshinRender", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/hoshin-bench",
            swiftSettings: swiftSettings,
            linkerSettings: [.unsafeFlags(["-static-stdlib"], staticStandardLibrary)]
        ),
        // What the tests share: fixtures, running the built `hoshin`, golden files, marked text.
        .target(
            name: "HoshinTestSupport",
            dependencies: ["HoshinModel", "HoshinRepository"],
            path: "Tests/HoshinTestSupport",
            swiftSettings: testSwiftSettings
        ),
        .testTarget(
            name: "HoshinTests",
            dependencies: [
                "HoshinTestSupport", "CYAML",
                "HoshinYAML", "HoshinModel", "HoshinDecoding", "HoshinRules", "HoshinRepository", "HoshinReporters",
                "HoshinText", "HoshinRollup", "HoshinRender", "HoshinVariation", "HoshinEditing", "HoshinSheets", "HoshinUpdate",
                "HoshinServer", "HoshinOutput",
                // Built before the tests run: the concurrency test starts real `hoshin` processes.
                "hoshin",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: testSwiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
