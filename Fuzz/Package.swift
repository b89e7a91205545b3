// swift-tools-version:6.0
// libFuzzer harnesses: the loader, the XLSX/CSV sheet readers, the editor. Build from this
// folder with coverage AND AddressSanitizer (a second `--sanitize` flag would drop coverage):
//   swift build --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address
// and run them with `scripts/fuzz.sh [MINUTES]` (see docs/fuzzing.md).
import PackageDescription

/// A path dependency's identity is its folder's name, so the checkout is reached through
/// the symbolic link `hoshin` -> `..`: the same identity whatever the checkout's folder is called.
let hoshin = "hoshin"

/// One harness: an executable whose `main.swift` holds only `LLVMFuzzerTestOneInput`.
/// A release build links the Swift runtime and Foundation statically, as Hoshin's release
/// modules are compiled for (see Hoshin's Package.swift).
func harness(_ name: String) -> Target {
    .executableTarget(name: name, dependencies: [.product(name: "HoshinKit", package: hoshin)],
                      linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))])
}

let package = Package(
    name: "HoshinFuzz",
    dependencies: [.package(path: "hoshin")],
    targets: [
        // Each input is a plan file beside a valid hoshin.yaml and root unit: the whole loader.
        harness("hoshin-fuzz-loader"),
        // Each input is read as an XLSX workbook and as CSV, then as reporting-sheet rows.
        harness("hoshin-fuzz-sheets"),
        // Each input is a plan file; an edit derived from its bytes must give exactly the edited model.
        harness("hoshin-fuzz-editor"),
    ],
    swiftLanguageModes: [.v6]
)
