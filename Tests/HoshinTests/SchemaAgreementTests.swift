import Foundation
import Testing
import HoshinTestSupport
@testable import HoshinDecoding
import HoshinModel
import HoshinRules

/// `schemas/` says what the decoder accepts: the same keys, the same closed lists,
/// the same rule ids. (scripts/check-schemas.py runs the fixtures through them in CI.)
@Suite struct SchemaAgreementTests {
    static let schemas = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("schemas")

    static func load(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: schemas.appendingPathComponent(name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func keys(_ object: [String: Any]) -> Set<String> {
        Set((object["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
    }

    static func property(_ object: [String: Any], _ name: String) -> [String: Any] {
        (object["properties"] as? [String: Any])?[name] as? [String: Any] ?? [:]
    }

    @Test func unitSchemaHasExactlyTheDecodersKeys() throws {
        let unit = try Self.load("unit-plan.schema.json")
        let definitions = try #require(unit["$defs"] as? [String: [String: Any]])
        #expect(Self.keys(unit) == Set(UnitPlanDecoder.unitKeys))
        #expect(Self.keys(definitions["goal"]!) == Set(UnitPlanDecoder.goalKeys))
        #expect(Self.keys(definitions["indicator"]!) == Set(UnitPlanDecoder.indicatorKeys))
        #expect(Self.keys(definitions["successFactor"]!) == Set(UnitPlanDecoder.successFactorKeys))
        #expect(Self.keys(definitions["activity"]!) == Set(UnitPlanDecoder.activityKeys))
        for (name, definition) in definitions {
            #expect(definition["additionalProperties"] as? Bool == false, "\(name) must reject unknown keys")
        }
        #expect(unit["additionalProperties"] as? Bool == false)
    }

    @Test func closedListsAreTheModelsEnums() throws {
        let definitions = try #require(try Self.load("unit-plan.schema.json")["$defs"] as? [String: [String: Any]])
        let status = Self.property(definitions["activity"]!, "status")["enum"] as? [String]
        #expect(status == ActivityState.allCases.map(\.rawValue))
        #expect(Self.property(definitions["indicator"]!, "direction")["enum"] as? [String] == Direction.allCases.map(\.rawValue))
        #expect(Self.property(definitions["indicator"]!, "chart")["enum"] as? [String] == ChartType.allCases.map(\.rawValue))
        let settings = try Self.load("hoshin.schema.json")
        #expect(Self.keys(settings) == Set(SettingsDecoder.keys))
        #expect(Self.property(settings, "reporting")["enum"] as? [String] == ReportingCadence.allCases.map(\.rawValue))
        #expect(Self.property(settings, "language")["enum"] as? [String] == ReportLanguage.allCases.map(\.rawValue))
        let ruleNames = (Self.property(settings, "rules")["propertyNames"] as? [String: Any])?["enum"] as? [String]
        #expect(ruleNames == RuleCatalogue.ids)
    }

    @Test func everyPropertyHasADescriptionForEditors() throws {
        func visit(_ object: [String: Any], path: String) {
            for (name, value) in (object["properties"] as? [String: Any]) ?? [:] {
                let property = value as? [String: Any] ?? [:]
                #expect((property["description"] as? String)?.isEmpty == false, "\(path).\(name) has no description")
            }
        }
        let unit = try Self.load("unit-plan.schema.json")
        visit(unit, path: "unit")
        for (name, definition) in (unit["$defs"] as? [String: [String: Any]]) ?? [:] { visit(definition, path: name) }
        visit(try Self.load("hoshin.schema.json"), path: "hoshin.yaml")
    }
}

/// The countermeasure states of the schema are the model's.
@Suite struct CountermeasureSchemaTests {
    @Test func statesAndKeysAgree() throws {
        let url = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("schemas/unit-plan.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let definitions = try #require(schema["$defs"] as? [String: [String: Any]])
        let countermeasure = try #require(definitions["countermeasure"])
        let properties = try #require(countermeasure["properties"] as? [String: [String: Any]])
        #expect(properties["status"]?["enum"] as? [String] == CountermeasureState.allCases.map(\.rawValue))
        #expect(Set(properties.keys) == Set(["id", "opened", "problem", "cause", "action", "owner", "due", "status", "closed", "result"]))
        #expect(countermeasure["required"] as? [String] == ["id", "opened", "problem", "owner", "status"])
    }
}
