import Testing
@testable import HoshinYAML

@Test func parsesAScalarMapping() {
    let result = YAMLParser().parse(Array("a: b\n".utf8))
    #expect(result.problems.isEmpty)
    #expect(result.document?.root != nil)
}
