import Testing

@testable import VitrinaCatalog

@Suite("Strict JSON")
struct StrictJSONTests {
    @Test func strictJSONRejectsWhatFoundationAccepts() {
        #expect(StrictJSON.error(in: #"{"a": [1, 2], "b": {"c": "d\u00e9"}}"#) == nil)
        #expect(StrictJSON.error(in: #"{"a": 1,}"#)?.contains("trailing comma") == true)
        #expect(StrictJSON.error(in: "{'a': 1}") != nil)
        #expect(StrictJSON.error(in: #"{"a": "line"#) != nil)
    }

    @Test func saysWhereTheSyntaxBreaks() {
        #expect(StrictJSON.error(in: "{\"id\": \"a\" \"b\"}") == "expected ',' or '}' at line 1, column 12")
        #expect(StrictJSON.error(in: "not json")?.hasPrefix("expected") == true)
    }
}
