import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import HoshinTestSupport
import HoshinModel
import HoshinRepository
@testable import HoshinReporters
import HoshinRules

/// The CI formats on a fixture whose messages and file name hold Swedish text, `,`, `:` and `%`.
/// Goldens live beside it; rewrite them with `HOSHIN_UPDATE_GOLDEN=1` after an intended change.
@Suite struct CIFormatTests {
    static let folder = Fixtures.root.appendingPathComponent("ci/err")

    /// The fixture loaded as if it were `plans/` in a repository root.
    static func result() throws -> ValidationResult {
        var files: [InMemoryFile] = []
        for relative in try PlanFileDiscovery.planFiles(in: folder.path) {
            let data = try Data(contentsOf: folder.appendingPathComponent(relative))
            files.append(InMemoryFile(path: relative, bytes: [UInt8](data)))
        }
        return RepositoryLoader().load(files: files, folder: "plans", asOf: Fixtures.asOf)
    }

    static func golden(_ name: String, _ output: String) throws {
        let url = Fixtures.root.appendingPathComponent("ci").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["HOSHIN_UPDATE_GOLDEN"] != nil {
            try Data(output.utf8).write(to: url)
        }
        #expect(output == (try String(contentsOf: url, encoding: .utf8)), "\(name) differs")
    }

    @Test func githubAnnotationsMatchTheGolden() throws {
        let output = GitHubReporter().render(try Self.result())
        try Self.golden("expected.github.txt", output)
        #expect(output.contains("file=plans/vårdcentraler/vårdcentral%2C öst%3A plan.yaml,"))
        #expect(output.contains("::warning "))
        #expect(output.contains("::notice "))
        #expect(output.contains("progress is 60 %25"))
    }

    @Test func workflowCommandEscaping() {
        #expect(GitHubReporter.escapeData("a%b\r\nc: d, e") == "a%25b%0D%0Ac: d, e")
        #expect(GitHubReporter.escapeProperty("a%b\r\nc: d, e") == "a%25b%0D%0Ac%3A d%2C e")
    }

    @Test func sarifMatchesTheGoldenAndNamesEveryRule() throws {
        let output = SARIFReporter(version: "1.2.3").render(try Self.result())
        try Self.golden("expected.sarif.json", output)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == RuleCatalogue.ids)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 3)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
        #expect(output.contains("plans/v%C3%A5rdcentraler/v%C3%A5rdcentral,%20%C3%B6st:%20plan.yaml"))
    }

    @Test func junitParsesWithARealXMLParser() throws {
        let output = JUnitReporter().render(try Self.result())
        try Self.golden("expected.junit.xml", output)
        final class Collector: NSObject, XMLParserDelegate {
            var testcases: [String] = []
            var failures = 0
            var suiteFailures: String?
            func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                        qualifiedName: String?, attributes: [String: String] = [:]) {
                if element == "testcase" { testcases.append(attributes["name"] ?? "") }
                if element == "failure" { failures += 1 }
                if element == "testsuite" { suiteFailures = attributes["failures"] }
            }
        }
        let collector = Collector()
        let parser = XMLParser(data: Data(output.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        #expect(collector.testcases == ["plans/hoshin.yaml", "plans/region.yaml", "plans/vårdcentraler/vårdcentral, öst: plan.yaml"])
        #expect(collector.failures == 1)
        #expect(collector.suiteFailures == "1")
    }
}
