import Testing
import HoshinRender

/// The server's JSON answers (`JSONValue`) are written by the one `JSONWriter` in the
/// layout they always had: sorted keys, `"key": value`, `{}` and `[]` when empty, control
/// characters escaped, whole numbers without a fraction, null for what is not finite.
@Suite struct JSONValueTests {
    @Test func aValueIsWrittenInTheStableLayout() {
        let value = JSONValue.object([
            "h": .array([.integer(1), .number(.nan), .number(-0.25)]),
            "b": .array([]),
            "a": .object([:]),
            "c": .string("x\"\n\u{1}\\ / å"),
            "d": .number(1.5),
            "e": .number(2),
            "f": .null,
            "g": .bool(true),
            "k\"ey": .object(["inner": .string(nil)]),
        ])
        let expected = """
        {
          "a": {},
          "b": [],
          "c": "x\\"\\n\\u0001\\\\ / å",
          "d": 1.5,
          "e": 2,
          "f": null,
          "g": true,
          "h": [
            1,
            null,
            -0.25
          ],
          "k\\"ey": {
            "inner": null
          }
        }

        """
        #expect(value.serialized() == expected)
    }
}
