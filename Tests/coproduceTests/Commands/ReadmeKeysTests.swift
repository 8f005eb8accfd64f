@testable import coproduce
import Foundation
import Testing

@Suite struct ReadmeKeysTests {
    @Test func theReadmeKeyListIsTheActionTable() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- keys:begin -->\n"))
        let end = try #require(readme.range(of: "\n<!-- keys:end -->"))
        let listed = String(readme[begin.upperBound..<end.lowerBound])
        #expect(listed == KeysCommand.markdown(), "README key list is stale: paste the output of `coproduce keys`")
    }
}
