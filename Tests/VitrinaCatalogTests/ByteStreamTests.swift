import Foundation
import Testing

@testable import VitrinaCatalog

@Suite("Byte stream")
struct ByteStreamTests {
    @Test(arguments: [16, 17, 64, 1 << 20])
    func readsLinesAcrossChunkBoundaries(chunkSize: Int) throws {
        let lines = ["первая строка", "", "third line with CRLF", String(repeating: "длинная ", count: 20), "last"]
        let file = try TemporaryFile(lines[0] + "\n\n" + lines[2] + "\r\n" + lines[3] + "\n" + lines[4])
        let stream = try ByteStream(path: file.path, chunkSize: chunkSize)
        var line: [UInt8] = []
        var read: [String] = []
        var numbers: [Int] = []
        while true {
            let number = stream.line
            guard try stream.readLine(into: &line) else { break }
            read.append(String(decoding: line, as: UTF8.self))
            numbers.append(number)
        }
        #expect(read == lines)
        #expect(numbers == [1, 2, 3, 4, 5])
        #expect(stream.bytesRead == (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int))
    }

    @Test func readsBytesAndPeeksWithoutConsuming() throws {
        let file = try TemporaryFile("ab\ncd")
        let stream = try ByteStream(path: file.path, chunkSize: 16)
        #expect(Array(try stream.peek(3)) == Array("ab\n".utf8))
        var bytes: [UInt8] = []
        while let byte = try stream.next() { bytes.append(byte) }
        #expect(bytes == Array("ab\ncd".utf8))
        #expect(stream.line == 2)
        #expect(try stream.peek(1).isEmpty)
    }

    @Test func namesAMissingFile() {
        #expect(throws: ImportProblem.self) { try ByteStream(path: "/nonexistent/feed.csv") }
    }
}
