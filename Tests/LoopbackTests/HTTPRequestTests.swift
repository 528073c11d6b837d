import Testing
@testable import Loopback

struct HTTPRequestTests {
    @Test func parsesPathAndQuery() throws {
        let request = try #require(HTTPRequest(head: Array("GET /page/3?delay_ms=100&x HTTP/1.1\r\nHost: a".utf8)))
        #expect(request.method == "GET")
        #expect(request.path == "/page/3")
        #expect(request.segments == ["page", "3"])
        #expect(request.query == ["delay_ms": "100", "x": ""])
        #expect(request.integer("delay_ms") == 100)
        #expect(request.integer("x") == nil)
    }

    @Test(arguments: ["", "GET", "GET /", "GET / HTTP/2", "GET x HTTP/1.1", "G T / HTTP/1.1", " / HTTP/1.1"])
    func rejectsMalformedRequestLines(_ line: String) {
        #expect(HTTPRequest(head: Array(line.utf8)) == nil)
    }

    @Test func negativeNumbersAreNotDelays() throws {
        let request = try #require(HTTPRequest(head: Array("GET /page/1?delay_ms=-5 HTTP/1.0".utf8)))
        #expect(request.integer("delay_ms") == nil)
    }
}
