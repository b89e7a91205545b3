import ArgumentParser
import Foundation
import HoshinModel
import HoshinRepository
import HoshinYAML

/// The benchmark command: generates two corpora, times `hoshin` on them, prints one table.
struct HoshinBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hoshin-bench",
        abstract: "Time hoshin against a bare libyaml scan on generated regions of 500 and 2,000 units.",
        discussion: """
        Generates deterministic plan repositories (Swedish titles, {num, den} series with \
        history, comments, countermeasures, activities with realistic warnings), commits them \
        to git twice (for diff), and times whole processes of the built hoshin (stdout to \
        /dev/null) as well as in-process phases. Every figure is the median of --iterations \
        runs; ratios compare figures measured in the same run, so a busy machine moves them \
        less than the seconds. Build hoshin first: swift build -c release.
        """)

    @Option(help: "Units in the smaller corpus (the one every ratio but the growth one is measured on).")
    var units = 500

    @Option(help: "Units in the larger corpus (for the growth ratio); 0 skips it.")
    var largeUnits = 2000

    @Option(help: "Runs of each measurement; the median is shown.")
    var iterations = 5

    @Option(help: "The hoshin executable (default: the one next to this benchmark).")
    var hoshin: String?

    @Option(help: "Generate the corpora into this folder and keep them (for profiling).")
    var keep: String?

    @Flag(help: "Skip the in-process phase breakdown.")
    var noPhases = false

    func validate() throws {
        guard units > 0, iterations > 0, largeUnits >= 0 else {
            throw ValidationError("--units and --iterations must be positive")
        }
    }

    func run() throws {
        let executable = hoshin ?? Self.siblingExecutable()
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw ValidationError("no hoshin executable at \(executable); run swift build -c release first")
        }
        let base = keep ?? FileManager.default.temporaryDirectory.appendingPathComponent("hoshin-bench-\(getpid())").path
        defer { if keep == nil { try? FileManager.default.removeItem(atPath: base) } }
        let small = try Corpus.make(units: units, in: base + "/units-\(units)")
        let large = largeUnits > 0 ? try Corpus.make(units: largeUnits, in: base + "/units-\(largeUnits)") : nil
        print("hoshin-bench: \(executable)")
        print("corpus \(units) units: \(small.files) files, \(Table.megabytes(small.bytes)), \(small.events) libyaml events")
        if let large {
            print("corpus \(largeUnits) units: \(large.files) files, \(Table.megabytes(large.bytes)), \(large.events) libyaml events")
        }
        print("median of \(iterations) runs, \(ProcessInfo.processInfo.activeProcessorCount) cores, \(Date())")
        let runner = Runner(executable: executable, iterations: iterations)
        try runner.report(small: small, large: large)
        if !noPhases { try Phases(corpus: small, iterations: iterations).report() }
    }

    /// `hoshin` in the folder this benchmark was built into.
    static func siblingExecutable() -> String {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent("hoshin").path
    }
}

/// A generated repository on disk, committed twice to git.
struct Corpus {
    let folder: String
    let paths: [String]
    let files: Int
    let bytes: Int
    let events: Int

    static func make(units: Int, in folder: String) throws -> Corpus {
        let generator = CorpusGenerator(units: units)
        try generator.write(into: folder)
        try ChildProcess.git(["init", "-q"], in: folder)
        let identity = ["-c", "user.name=Bench", "-c", "user.email=bench@example.org", "-c", "commit.gpgsign=false"]
        try ChildProcess.git(["add", "-A"], in: folder)
        try ChildProcess.git(identity + ["commit", "-q", "-m", "september"], in: folder)
        try generator.writeNextRevision(into: folder)
        try ChildProcess.git(["add", "-A"], in: folder)
        try ChildProcess.git(identity + ["commit", "-q", "-m", "oktober"], in: folder)
        let paths = try PlanFileDiscovery.planFiles(in: folder)
        var bytes = 0
        var events = 0
        for path in paths {
            let data = try Array(Data(contentsOf: URL(fileURLWithPath: folder + "/" + path)))
            bytes += data.count
            events += EventScanner.countEvents(data)
        }
        return Corpus(folder: folder, paths: paths, files: paths.count, bytes: bytes, events: events)
    }

    /// Reads every file and scans it with libyaml, one file after another: the floor.
    func scan() -> Int {
        var events = 0
        for path in paths {
            guard let data = FileManager.default.contents(atPath: folder + "/" + path) else { continue }
            events += EventScanner.countEvents([UInt8](data))
        }
        return events
    }
}

/// Median of repeated measurements.
func median(_ iterations: Int, _ work: () throws -> Duration) rethrows -> Duration {
    var samples: [Duration] = []
    for _ in 0..<iterations { samples.append(try work()) }
    samples.sort()
    return samples[samples.count / 2]
}

/// Seconds as a Double.
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
