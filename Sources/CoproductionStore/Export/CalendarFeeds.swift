import Coproduction
import Crypto
import Foundation
import GRDB

extension AppDatabase {
    /// The part of a person's calendar file name nobody can guess: 24 hex digits of an HMAC
    /// over who they are, keyed by a secret made once per database and kept in it. The same
    /// person keeps the same name from run to run, so the link they subscribed to keeps working.
    public func feedToken(for person: CalendarPerson) throws(StoreError) -> String {
        let secret = try write { db -> String in
            if let s = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'feed-secret'") { return s }
            let made = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES ('feed-secret', ?)", arguments: [made])
            return made
        }
        let who: String
        switch person {
        case .champion(let id): who = "champion:\(id)"
        case .staffUser(let id): who = "user:\(id)"
        }
        let mac = HMAC<SHA256>.authenticationCode(for: Data(who.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return mac.prefix(12).map { String(format: "%02x", $0) }.joined()
    }
}
