import Foundation
import HoshinDecoding
import HoshinModel
import HoshinRender
import HoshinRepository
import HoshinRollup
import HoshinRules
import HoshinYAML

/// The work of one command split into phases, run in this process on one thread
/// (the loader's own concurrency shown separately), as a share of the bare scan.
struct Phases {
    let corpus: Corpus
    let iterations: Int
    let asOf = PlanDate(year: 2026, month: 10, day: 31)!

    func report() throws {
        let folder = corpus.folder
        let clock = ContinuousClock()
        var files: [[UInt8]] = []
        var parsed: [YAMLParseResult] = []
        var units: [UnitPlan] = []
        var repository: PlanRepository?
        var tree: StatusTree?
        var rows: [(String, Duration)] = []
        rows.append(("bare libyaml scan, one thread", median(iterations) { clock.measure { _ = corpus.scan() } }))
        rows.append(("read", median(iterations) {
            clock.measure {
                files = corpus.paths.map { [UInt8](FileManager.default.contents(atPath: folder + "/" + $0) ?? Data()) }
            }
        }))
        rows.append(("parse (libyaml → node table)", median(iterations) {
            clock.measure { parsed = files.map { YAMLParser().parse($0) } }
        }))
        rows.append(("decode (nodes → plans)", median(iterations) {
            clock.measure {
                units = []
                for (path, result) in zip(corpus.paths, parsed) where path != "hoshin.yaml" {
                    if let unit = UnitPlanDecoder.decode(result.document, file: path).unit { units.append(unit) }
                }
            }
        }))
        let settingsIndex = corpus.paths.firstIndex(of: "hoshin.yaml")!
        let settings = SettingsDecoder.decode(parsed[settingsIndex].document, file: "hoshin.yaml",
                                              knownRules: RuleCatalogue.ids).settings!
        var sources: [String: SourceText] = [:]
        for (path, result) in zip(corpus.paths, parsed) { sources[path] = result.source }
        let frozen = sources
        rows.append(("rules (repository-wide)", median(iterations) {
            clock.measure {
                let repo = PlanRepository(folder: folder, settings: settings, units: units, files: corpus.paths)
                _ = RuleCatalogue.check(repo, asOf: asOf) { file, offset in
                    let location = frozen[file]?.location(ofByteOffset: offset)
                    return TextPosition(line: location?.line ?? 1, column: location?.column ?? 1)
                }
                repository = repo
            }
        }))
        rows.append(("rollup (status tree)", try median(iterations) {
            try clock.measure { tree = try RollupEngine(repository: repository!, asOf: asOf).tree() }
        }))
        rows.append(("render status JSON", median(iterations) {
            clock.measure { _ = JSONStatusRenderer().render(tree!) }
        }))
        rows.append(("whole load, one thread", try median(iterations) {
            try clock.measure { _ = try RepositoryLoader(concurrency: 1).load(folder: folder, asOf: asOf) }
        }))
        rows.append(("whole load, all cores", try median(iterations) {
            try clock.measure { _ = try RepositoryLoader().load(folder: folder, asOf: asOf) }
        }))
        let floor = seconds(rows[0].1)
        print("")
        print("In-process phases on \(corpus.files) files (one thread unless named):")
        print("")
        print("| phase | median | share of scan |")
        print("| --- | ---: | ---: |")
        for (name, duration) in rows {
            print("| \(name) | \(String(format: "%.3f s", seconds(duration))) | \(String(format: "%.2f", seconds(duration) / floor)) |")
        }
    }
}
