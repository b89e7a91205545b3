import Foundation
import Testing
import HoshinTestSupport
import HoshinModel
import HoshinRepository
import HoshinRules

/// Every rule has a fixture repository where it fires (its exact output is in `err.out`)
/// and one that stays silent: `Tests/Fixtures/rules/<rule>/{err,ok}/`.
@Suite struct RuleFixtureTests {
    static let rulesFolder = Fixtures.root.appendingPathComponent("rules")

    @Test func everyRuleHasAnErrAndAnOkFixture() {
        let folders = Set(Fixtures.subfolders(of: Self.rulesFolder))
        for id in RuleCatalogue.ids {
            #expect(folders.contains(id), "no fixture folder for rule \(id)")
        }
    }

    /// The exact lines of each `err` fixture are compared with the product's own output in
    /// `RuleOutputTests` (`rules/<id>/err.out`); here, in process, that the fixture fires its rule.
    @Test(arguments: RuleCatalogue.ids)
    func errFixtureFiresItsRule(rule: String) throws {
        let folder = Self.rulesFolder.appendingPathComponent(rule).appendingPathComponent("err")
        let result = try Fixtures.validate(folder)
        #expect(result.diagnostics.contains { $0.rule == rule }, "the err fixture of \(rule) does not fire it")
    }

    @Test(arguments: RuleCatalogue.ids)
    func okFixtureStaysSilent(rule: String) throws {
        let folder = Self.rulesFolder.appendingPathComponent(rule).appendingPathComponent("ok")
        let result = try Fixtures.validate(folder)
        #expect(result.diagnostics.map { "\($0.file):\($0.start.line):\($0.start.column) [\($0.rule)]" } == [])
    }

    @Test func columnsCountCharactersNotBytes() throws {
        // The line holds å, ä, ö, æ and ø before the quoted weight: column 68, byte 79.
        let folder = Self.rulesFolder.appendingPathComponent("invalid-type/err")
        let result = try Fixtures.validate(folder)
        let diagnostic = try #require(result.diagnostics.first { $0.rule == RuleID.invalidType })
        #expect(diagnostic.start == TextPosition(line: 4, column: 68))
        #expect(diagnostic.end == TextPosition(line: 4, column: 71))
        let text = try String(contentsOf: folder.appendingPathComponent("region.yaml"), encoding: .utf8)
        let line = text.split(separator: "\n")[3]
        let prefix = line.prefix(67)
        #expect(prefix.contains("æø"))
        #expect(line.dropFirst(67).hasPrefix("\"2\""))
    }
}
