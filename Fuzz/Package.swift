// swift-tools-version:6.0
// libFuzzer harness for the YAML layer and decoder. Build and run from this folder:
//   swift build --sanitize=fuzzer --sanitize=address -c debug
//   .build/debug/hoshin-fuzz -max_total_time=60 corpus/
import Foundation
import PackageDescription

/// A path dependency's identity is its folder's name: the checkout holding this folder.
let hoshin = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

let package = Package(
    name: "HoshinFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "hoshin-fuzz",
            dependencies: [.product(name: "HoshinKit", package: hoshin)]
        ),
    ],
    swiftLanguageModes: [.v6]
)
