import Foundation

/// Times whole `hoshin` processes, interleaved so that a busy machine slows every
/// figure of one round alike, and prints the table of ratios and targets.
struct Runner {
    let executable: String
    let iterations: Int
    let asOf = "2026-10-31"

    /// Samples of one measurement.
    struct Samples {
        var durations: [Duration] = []
        var peak = 0
        var statuses: Set<Int32> = []

        mutating func add(_ run: ChildRun) {
            durations.append(run.duration)
            peak = max(peak, run.peakBytes)
            statuses.insert(run.status)
        }

        var median: Duration { durations.sorted()[durations.count / 2] }
    }

    func report(small: Corpus, large: Corpus?) throws {
        var scan = Samples()
        var validate = Samples()
        var status = Samples()
        var diff = Samples()
        var report = Samples()
        var validateLarge = Samples()
        let clock = ContinuousClock()
        // A warm-up round fills the page cache and is not counted.
        for round in -1..<iterations {
            let started = clock.now
            _ = small.scan()
            let scanned = clock.now - started
            let v = try hoshin(["validate", small.folder, "--format", "json", "--as-of", asOf])
            let s = try hoshin(["status", small.folder, "--format", "json", "--as-of", asOf])
            let d = try hoshin(["diff", small.folder, "--from", "HEAD~1", "--to", "HEAD", "--format", "json", "--as-of", asOf])
            let r = try hoshin(["report", "\(CorpusGenerator.id(small.files - 2))/akt-0-0-0", "--plans", small.folder,
                                "--status", "on-track", "--progress", "\(10 + round + 1)",
                                "--note", "Rapporterat av hoshin-bench, omgång \(round + 1).", "--date", asOf])
            let l = try large.map { try hoshin(["validate", $0.folder, "--format", "json", "--as-of", asOf]) }
            guard round >= 0 else { continue }
            scan.durations.append(scanned)
            validate.add(v)
            status.add(s)
            diff.add(d)
            report.add(r)
            if let l { validateLarge.add(l) }
        }
        var table = Table()
        let floor = seconds(scan.median)
        table.heading()
        table.row("bare libyaml scan (C, one thread)", scan.median, ratio: 1, target: nil, of: "scan", peak: nil)
        table.row("validate --format json", validate.median, ratio: seconds(validate.median) / floor, target: 1.0,
                  of: "scan", peak: validate.peak)
        table.row("status --format json", status.median, ratio: seconds(status.median) / floor, target: 1.2,
                  of: "scan", peak: status.peak)
        let budget = 2 * small.bytes + 20 * 1_048_576
        table.memoryRow("peak RSS of validate", peak: validate.peak, budget: budget, corpus: small.bytes)
        table.row("diff --from HEAD~1 --to HEAD", diff.median, ratio: seconds(diff.median) / seconds(status.median),
                  target: 2.0, of: "status", peak: diff.peak)
        table.row("report of one activity", report.median, ratio: seconds(report.median) / seconds(validate.median),
                  target: 1.5, of: "validate", peak: report.peak)
        if large != nil {
            table.row("validate, \(large!.files - 1) units", validateLarge.median,
                      ratio: seconds(validateLarge.median) / seconds(validate.median), target: 5.0,
                      of: "validate", peak: validateLarge.peak)
        }
        for (name, samples) in [("validate", validate), ("status", status), ("diff", diff), ("report", report)]
        where samples.statuses.contains(where: { $0 > 1 }) {
            print("warning: \(name) exited \(samples.statuses.sorted()) (2 or more: it did not run)")
        }
        if report.statuses != [0] { print("warning: report exited \(report.statuses.sorted())") }
        table.footer()
    }

    func hoshin(_ arguments: [String]) throws -> ChildRun {
        try ChildProcess.run(executable, arguments)
    }
}

/// The printed table.
struct Table {
    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_048_576) }

    /// Whether each figure with a target met it.
    var results: [Bool] = []

    mutating func heading() {
        results = []
        print("")
        print("| work | median | ratio | target | peak RSS | |")
        print("| --- | ---: | ---: | ---: | ---: | --- |")
    }

    mutating func row(_ name: String, _ duration: Duration, ratio: Double, target: Double?, of base: String, peak: Int?) {
        let time = String(format: "%.3f s", seconds(duration))
        let ratioText = String(format: "%.2f × %@", ratio, base)
        let targetText = target.map { String(format: "≤ %.1f ×", $0) } ?? "—"
        let verdict = target.map { ratio <= $0 ? "ok" : "OVER" } ?? ""
        if let target { results.append(ratio <= target) }
        print("| \(name) | \(time) | \(ratioText) | \(targetText) | \(peak.map(Table.megabytes) ?? "—") | \(verdict) |")
    }

    mutating func memoryRow(_ name: String, peak: Int, budget: Int, corpus: Int) {
        let ratio = Double(peak) / Double(corpus)
        let verdict = peak <= budget ? "ok" : "OVER"
        results.append(peak <= budget)
        print("| \(name) | \(Table.megabytes(peak)) | \(String(format: "%.2f × corpus", ratio)) | ≤ 2 × corpus + 20 MB = \(Table.megabytes(budget)) | \(Table.megabytes(peak)) | \(verdict) |")
    }

    func footer() {
        let within = results.filter { $0 }.count
        print("")
        print("\(within) of \(results.count) targets met")
    }
}
