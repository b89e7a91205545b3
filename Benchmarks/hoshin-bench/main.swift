// hoshin-bench: the work of `hoshin validate` (and `status`) side by side with a bare
// libyaml event scan of the same files, and the ratio between them.
//
//   swift run -c release hoshin-bench [--units N] [--iterations K] [--generate-into OUT] [DIR]
//
// Without DIR it generates a repository of N units (default 400) in a temporary folder
// (or in OUT, kept for profiling).
import Foundation
import HoshinModel
import HoshinRepository
import HoshinRollup
import HoshinYAML

struct Options {
    var units = 400
    var iterations = 5
    var folder: String?
    var generateInto: String?

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            switch argument {
            case "--units": units = Int(rest.popFirst() ?? "") ?? units
            case "--iterations": iterations = max(1, Int(rest.popFirst() ?? "") ?? iterations)
            case "--generate-into": generateInto = rest.popFirst()
            default: folder = argument
            }
        }
    }
}

/// Writes a repository of `count` units: a root, divisions of ten units, each with goals,
/// indicators with 24 monthly measurements, success factors and activities.
func generateRepository(units count: Int, into target: String?) throws -> String {
    let folder = target ?? FileManager.default.temporaryDirectory.appendingPathComponent("hoshin-bench-\(getpid())").path
    try? FileManager.default.removeItem(atPath: folder)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try "hoshin: 1\nperiod: 2026\norganisation: Region Jönköpings län\n".write(toFile: folder + "/hoshin.yaml", atomically: true, encoding: .utf8)
    for index in 0..<count {
        let id = index == 0 ? "region" : "enhet-\(index)"
        let parent = index == 0 ? nil : (index <= 10 ? "region" : "enhet-\((index - 1) / 10)")
        var text = "# Plan för \(id) – mål, framgångsfaktorer och aktiviteter\nunit: \(id)\nname: Enhet \(index) – Länssjukhuset Ryhov\n"
        if let parent { text += "parent: \(parent)\n" }
        text += "owner: Verksamhetschef Åsa Öberg\ngoals:\n"
        for goal in 0..<4 {
            text += "  - id: mal-\(goal)\n    title: Säker vård – alla gånger, del \(goal)\n"
            if let parent { text += "    supports: [\(parent)/mal-\(goal)]\n" }
            text += "    weight: \(goal + 1)\n    indicators:\n"
            for indicator in 0..<2 {
                text += "      - id: ind-\(goal)-\(indicator)\n        title: Andel vårdtillfällen med vårdskada\n        unit: \"%\"\n        direction: down\n        target: 5.0\n        warning: 6.5\n        chart: p\n        measurements:\n"
                for month in 0..<24 {
                    let year = 2025 + month / 12
                    let period = "\(year)-\(String(format: "%02d", month % 12 + 1))"
                    text += "          \(period): {num: \(10 + (month * 7 + index) % 9), den: \(140 + (month * 3 + goal) % 20)}\n"
                }
            }
            text += "    success_factors:\n      - id: sf-\(goal)\n        title: Strukturerad journalgranskning\n        activities:\n"
            for activity in 0..<3 {
                text += "          - id: akt-\(goal)-\(activity)\n            title: \"Utbilda granskningsteam: omgång \(activity)\"\n            status: on-track\n            start: 2026-01-15\n            due: 2026-12-15\n            progress: \(activity * 30)\n            updated: 2026-10-0\(activity + 1)\n            note: Två av fem team utbildade.\n"
            }
        }
        let path = index == 0 ? "\(folder)/region.yaml" : "\(folder)/enhet-\(index / 50)/\(id).yaml"
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
    return folder
}

func measure(_ iterations: Int, _ work: () throws -> Void) rethrows -> Duration {
    let clock = ContinuousClock()
    var best = Duration.seconds(1_000_000)
    for _ in 0..<iterations {
        let elapsed = try clock.measure(work)
        best = min(best, elapsed)
    }
    return best
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

let options = Options(CommandLine.arguments)
let folder = try options.folder ?? generateRepository(units: options.units, into: options.generateInto)
let paths = try PlanFileDiscovery.planFiles(in: folder)
let asOf = PlanDate(year: 2026, month: 10, day: 31)!
var bytes = 0
var events = 0

// The floor: read every file and scan it with libyaml, one file after another and concurrently.
let scanSerial = try measure(options.iterations) {
    bytes = 0
    events = 0
    for path in paths {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path))
        bytes += data.count
        events += EventScanner.countEvents([UInt8](data))
    }
}
let scanConcurrent = measure(options.iterations) {
    DispatchQueue.concurrentPerform(iterations: paths.count) { index in
        let data = FileManager.default.contents(atPath: folder + "/" + paths[index]) ?? Data()
        _ = EventScanner.countEvents([UInt8](data))
    }
}
var diagnostics = 0
let validate = try measure(options.iterations) {
    let result = try RepositoryLoader().load(folder: folder, asOf: asOf)
    diagnostics = result.diagnostics.count
}
let status = try measure(options.iterations) {
    let result = try RepositoryLoader().load(folder: folder, asOf: asOf)
    _ = try RollupEngine(repository: result.repository!, asOf: asOf).tree()
}

print("hoshin-bench: \(paths.count) files, \(bytes / 1024) KiB, \(events) libyaml events, \(diagnostics) diagnostics")
print("best of \(options.iterations) runs on \(ProcessInfo.processInfo.activeProcessorCount) cores")
let rows: [(String, Duration)] = [
    ("libyaml event scan, serial", scanSerial),
    ("libyaml event scan, concurrent", scanConcurrent),
    ("hoshin validate", validate),
    ("hoshin status (validate + rollup)", status),
]
for (name, duration) in rows {
    print("  \(name.padding(toLength: 36, withPad: " ", startingAt: 0)) \(String(format: "%9.2f ms", milliseconds(duration)))")
}
print(String(format: "ratio validate / concurrent scan: %.2f", milliseconds(validate) / milliseconds(scanConcurrent)))
print(String(format: "ratio validate / serial scan:     %.2f", milliseconds(validate) / milliseconds(scanSerial)))
if options.folder == nil, options.generateInto == nil { try? FileManager.default.removeItem(atPath: folder) }
