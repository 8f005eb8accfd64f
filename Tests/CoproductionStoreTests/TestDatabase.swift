import Coproduction
import CoproductionStore
import Foundation

/// A fresh folder for one test's database files, removed when the test ends.
final class TemporaryFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("coproduce-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// The fixed day the demo data and golden screens are made for.
let fixedToday = LocalDate(iso: "2026-11-27")!

/// An admin actor for tests that are not about access (the store checks roles, not ids).
let testAdmin = Actor(userID: 0, name: "Test Admin", role: .admin)
