import Foundation
import Testing

@testable import VitrinaCatalog

@Suite("XML stream reader")
struct XMLStreamReaderTests {
    /// Every node of `text` (written to a temporary file).
    static func nodes(_ text: String) throws -> [XMLStreamReader.Node] {
        let file = try TemporaryFile(text, name: "doc.xml")
        let xml = try XMLStreamReader(path: file.path)
        var nodes: [XMLStreamReader.Node] = []
        while let node = try xml.next() { nodes.append(node) }
        return nodes
    }

    /// The texts of a document's text nodes, joined.
    static func text(_ nodes: [XMLStreamReader.Node]) -> String {
        nodes.map { if case .text(let text) = $0 { text } else { "" } }.joined()
    }

    static let laughs = """
        <?xml version="1.0"?>
        <!DOCTYPE r [
          <!ENTITY a "aaaaaaaaaa">
          <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
          <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
          <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
          <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
          <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
          <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
          <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
          <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
        ]>
        """

    @Test(
        .timeLimit(.minutes(1)),
        arguments: [
            laughs + "<r><t>&i;</t></r>",  // a billion laughs in text
            laughs + "<r t=\"&i;\"/>",  // and in an attribute value
            "<!DOCTYPE r [<!ENTITY s SYSTEM \"file:///etc/passwd\">]><r>&s;</r>",  // an external entity
            "<!DOCTYPE r [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]><r>x</r>",  // an external parameter entity
            "<!DOCTYPE r [<!ENTITY s \"secret\">]><r>&s;</r>",  // any declared entity
            "<!DOCTYPE r SYSTEM \"http://127.0.0.1:9/evil.dtd\"><r>&s;</r>",  // an entity from a DTD on the network
        ])
    func entitiesAreRefusedNeverExpanded(document: String) throws {
        do {
            let nodes = try Self.nodes(document)
            Issue.record("expected an error, read \(nodes.count) nodes")
        } catch let problem as ImportProblem {
            #expect(problem.location.file.hasSuffix("doc.xml") && problem.location.line >= 1)
            #expect(!problem.message.contains("root:") && !problem.message.contains("aaaa"))
        }
    }

    /// A SYSTEM DTD is never read: neither its entities nor its attribute defaults reach the document.
    @Test func externalDTDsAreNeverLoaded() throws {
        let dtd = try TemporaryFile(
            "<!ENTITY x \"FROM-DTD\"><!ATTLIST offer available CDATA \"false\">", name: "shops.dtd")
        let document = "<!DOCTYPE yml_catalog SYSTEM \"file://\(dtd.path)\">\n<yml_catalog><offer id=\"a\"/>"
        let file = try TemporaryFile(document + "</yml_catalog>", name: "doc.xml")
        let xml = try XMLStreamReader(path: file.path)
        var attributes: [String: String] = [:]
        while let node = try xml.next() {
            if case .start("offer", let isEmpty) = node {
                attributes = try xml.readElement(name: "offer", isEmpty: isEmpty).attributes
            }
        }
        #expect(attributes == ["id": "a"])
        #expect(throws: ImportProblem.self) { try Self.nodes(document + "<x>&x;</x></yml_catalog>") }
    }

    @Test func xincludeIsNotFollowed() throws {
        let nodes = try Self.nodes(
            "<r xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"file:///etc/passwd\" parse=\"text\"/></r>"
        )
        #expect(nodes == [.start(name: "r", isEmpty: false), .start(name: "include", isEmpty: true), .end(name: "r")])
    }

    @Test func skipsSubtreesAndReadsOnFromTheNextNode() throws {
        let document = "<r><skip a=\"1\"><skip><x>deep</x></skip><skip/>tail</skip><keep>k</keep><skip/><keep/></r>\n"
        let file = try TemporaryFile(document, name: "doc.xml")
        let xml = try XMLStreamReader(path: file.path)
        var kept: [String] = []
        while let node = try xml.next() {
            guard case .start(let name, let isEmpty) = node else { continue }
            switch name {
            case "skip": try xml.skipElement(name: name, isEmpty: isEmpty)
            case "keep": kept.append(try xml.readElement(name: name, isEmpty: isEmpty).text)
            default: continue
            }
        }
        #expect(kept == ["k", ""])
        #expect(xml.bytesConsumed == document.utf8.count)
    }

    @Test func flattenedElementsKeepTheirTextInOrder() throws {
        let file = try TemporaryFile(
            "<offer><description>Вступление <b>жирно</b> и<p>абзац</p>конец<br/>строка</description><name>n</name></offer>",
            name: "doc.xml")
        let xml = try XMLStreamReader(path: file.path)
        guard case .start(let name, let isEmpty) = try xml.next() else {
            Issue.record("no root")
            return
        }
        let offer = try xml.readElement(name: name, isEmpty: isEmpty, flattening: ["description"])
        #expect(offer.child("description")?.text == "Вступление жирно и<br>абзац<br>конец<br>строка")
        #expect(offer.child("description")?.children.isEmpty == true && offer.value("name") == "n")
    }

    /// Lines past 65,535 are counted exactly (libxml2 stores 16 bits per node without XML_PARSE_BIG_LINES).
    @Test func countsLinesBeyondSixteenBits() throws {
        let file = try TemporaryFile(
            "<r>" + String(repeating: "\n", count: 70_000) + "<x>1</x>\n<y><z>2</z></y>\n<e/>\n</r>", name: "doc.xml")
        let xml = try XMLStreamReader(path: file.path)
        var lines: [String: Int] = [:]
        while let node = try xml.next() {
            if case .start(let name, _) = node { lines[name] = xml.line }
        }
        #expect(lines.filter { $0.key != "e" } == ["r": 1, "x": 70_001, "y": 70_002, "z": 70_002])
        #expect((70_003...70_004).contains(lines["e"] ?? 0))  // empty: where the parser is
    }

    @Test(arguments: [
        ("<r>\n<a>\n<b>cut", 3, "truncated"),
        ("<r>\n<a>\n<b", 3, "truncated"),
        ("<r>\n<a>text</b></r>", 2, "mismatch"),
        ("<r/>\n<r/>", 2, "Extra content"),
        ("<r>a\u{1}b</r>", 1, "Char"),
        ("<?xml version=\"1.0\" encoding=\"klingon\"?><r/>", 1, "encoding"),
    ])
    func malformedDocumentsNameLineColumnAndLibxmlMessage(document: String, line: Int, words: String) throws {
        do {
            _ = try Self.nodes(document)
            Issue.record("expected an error")
        } catch let problem as ImportProblem {
            #expect(problem.location.line == line, "\(problem)")
            #expect((problem.location.column ?? 0) > 0, "\(problem)")
            #expect(problem.message.localizedCaseInsensitiveContains(words), "\(problem)")
            // Only a document that really ends early is called truncated.
            #expect(words == "truncated" || !problem.message.contains("truncated"), "\(problem)")
        }
    }

    /// Issue 12, finding 7: libxml2's own advice («Excessive depth in document: 256 use
    /// XML_PARSE_HUGE option») reached the user; it is a safety limit of our reader, said so, with a line.
    @Test func libxmlLimitsAreSaidAsOurSafetyLimit() throws {
        let deep = String(repeating: "<a>\n", count: 300) + String(repeating: "</a>", count: 300)
        do {
            _ = try Self.nodes(deep)
            Issue.record("expected an error")
        } catch let problem as ImportProblem {
            #expect(problem.code == .limit, "\(problem)")
            #expect(
                problem.message.contains("safety limit") && !problem.message.contains("XML_PARSE_HUGE"), "\(problem)")
            #expect(problem.location.line > 250 && !problem.message.contains("truncated"), "\(problem)")
        }
    }

    @Test func aMissingFileNamesTheSystemError() {
        do {
            _ = try XMLStreamReader(path: "/nonexistent/feed.xml")
            Issue.record("expected an error")
        } catch let problem as ImportProblem {
            #expect(problem.location.file == "/nonexistent/feed.xml" && problem.message.contains("No such file"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func readsTheWholeFileAndCountsItsBytes() throws {
        let document = "\u{FEFF}<?xml version='1.0' encoding='UTF-8'?>\r\n<r a='1'>ё<![CDATA[<b>]]></r>\r\n"
        let file = try TemporaryFile(document, name: "doc.xml")
        let xml = try XMLStreamReader(path: file.path)
        var nodes: [XMLStreamReader.Node] = []
        while let node = try xml.next() { nodes.append(node) }
        #expect(Self.text(nodes) == "ё<b>")
        #expect(xml.bytesConsumed == document.utf8.count)
    }
}
